using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The system described by CamkesSystem.camkes, run by the .NET Generic Host: configuration
// (an appsettings.json, the environment, the command line; a "Camkes" section sets the system's options),
// logging, and the container the components' constructors take services from. The host stops the
// system on Ctrl+C or SIGTERM, and the system ends the host when the client's control thread returns.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.ADD_CAMKES_SYSTEM<CamkesSystem.CamkesSystemSystem>();
await builder.Build().RunAsync();
