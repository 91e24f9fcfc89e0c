// The AppHost of examples/Distributed: one Aspire resource per node of the spec (pipeline, audit),
// each `--node NAME` of the same project, with its endpoint, the other node's URL and the system
// secret wired by AddCamkesSystem. `dotnet run` here starts both and the Aspire dashboard.
var builder = DistributedApplication.CreateBuilder(args);

var system = builder.AddCamkesSystem<Projects.Distributed, Pipeline.DistributedSystem>("distributed");

// The pipeline node calls the audit node from its first sample on: start it once audit accepts calls.
system["pipeline"].WaitFor(system["audit"]);

builder.Build().Run();
