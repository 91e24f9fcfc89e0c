// Runs CamkesSystem under .NET Aspire: one resource per node of the spec (client, server), each
// `--node NAME` of the system's project, with its address, the other node's address and its own
// keys wired by ADD_CAMKES_SYSTEM. `dotnet run` here starts both and the Aspire dashboard.
var builder = DistributedApplication.CreateBuilder(args);

var system = builder.ADD_CAMKES_SYSTEM<Projects.CamkesSystem, CamkesSystem.CamkesSystemSystem>("system");

// The client calls the server from its first step on: start it once the server accepts calls.
system["client"].WaitFor(system["server"]);

builder.Build().Run();
