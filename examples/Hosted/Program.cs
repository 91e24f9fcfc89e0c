using Hosted;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// appsettings.json is read from beside the program, wherever it is started from; the command line
// overrides it (`--Sampling:Count=0` samples until Ctrl+C or SIGTERM).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The application's own services and settings, which the components' constructors take.
builder.Services.AddSingleton<ITemperatureSource, SimulatedTemperatureSource>();
builder.Services.AddOptions<SamplingOptions>().BindConfiguration(SamplingOptions.SectionName);

// The system of Hosted.camkes: started with the host, stopped with it, and ending it when the monitor is done.
builder.Services.AddCamkesSystem<HostedSystem>();

await builder.Build().RunAsync();
