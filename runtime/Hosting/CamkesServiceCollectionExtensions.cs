using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Hosting;
using UxRt.Camkes.Runtime.Kernel;

// In the container's own namespace, as the framework's extensions are, so `builder.Services.` finds it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs a generated UxRt.Camkes system under the .NET Generic Host.</summary>
public static class CamkesServiceCollectionExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TSystem"/> (a generated <c>XSystem</c> class) as a hosted service.
    /// Its <see cref="SystemOptions"/> are bound from the <c>Camkes</c> configuration section, then
    /// <paramref name="configure"/> may change them, and they are validated when the host starts
    /// (an error names the key). Components are created through the container, so their
    /// constructors may take <c>ILogger&lt;T&gt;</c>, <c>IOptions&lt;T&gt;</c>, <see cref="TimeProvider"/>
    /// or any registered service. The system's logs go to the host's <c>ILoggerFactory</c>.
    /// </summary>
    public static IServiceCollection AddCamkesSystem<TSystem>(this IServiceCollection services, Action<SystemOptions>? configure = null)
        where TSystem : ICamkesSystem
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SystemOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(SystemOptions.SectionName).Bind(options))
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SystemOptions>, SystemOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CamkesSystemService<TSystem>>();
        services.AddHostedService(provider => provider.GetRequiredService<CamkesSystemService<TSystem>>());
        TSystem.AddSystemServices(services);
        return services;
    }
}
