#if (nodes)
// The system described by CamkesSystem.camkes: every node in this process (`dotnet run`), or with
// `--node NAME` only that node, calling the other over gRPC. The AppHost project runs each node as a
// process of its own, with the addresses and each node's keys wired; without it, give each node
// Camkes:Nodes:<node>:Url (and keys) in an appsettings.json beside the program.
return await CamkesSystem.CamkesSystemSystem.RunNodeAsync(args);
#else
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The system described by CamkesSystem.camkes, run by the .NET Generic Host: configuration
// (an appsettings.json, the environment, the command line; a "Camkes" section sets the system's options),
// logging, and the container the components' constructors take services from. The host stops the
// system on Ctrl+C or SIGTERM, and the system ends the host when the client's control thread returns.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.ADD_CAMKES_SYSTEM<CamkesSystem.CamkesSystemSystem>();
await builder.Build().RunAsync();
#endif
