using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Checks <see cref="SystemOptions"/> before a system starts, naming each bad setting by its
/// configuration key (<c>Camkes:ShutdownTimeout</c>), so a typo in appsettings.json is found at start.
/// </summary>
internal sealed class SystemOptionsValidator : IValidateOptions<SystemOptions>
{
    public ValidateOptionsResult Validate(string? name, SystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad setting; what a system built without a host runs.</summary>
    public static void ThrowIfInvalid(SystemOptions options)
    {
        var result = new SystemOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SystemOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Failures(SystemOptions options)
    {
        const string Section = SystemOptions.SectionName;
        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(SystemOptions.ShutdownTimeout)} must be longer than zero, not {options.ShutdownTimeout}";
        }

        if (options.RestartLimit < 0)
        {
            yield return $"{Section}:{nameof(SystemOptions.RestartLimit)} must be zero or more, not {options.RestartLimit}";
        }

        if (!Enum.IsDefined(options.DefaultFaultPolicy))
        {
            yield return $"{Section}:{nameof(SystemOptions.DefaultFaultPolicy)} must be one of {string.Join(", ", Enum.GetNames<FaultPolicy>())}, not {(int)options.DefaultFaultPolicy}";
        }

        if (options.CpuHoldLimit <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(SystemOptions.CpuHoldLimit)} must be longer than zero, not {options.CpuHoldLimit}";
        }

        if (options.IdleBalancer is not { } balancer)
        {
            yield break;
        }

        var prefix = $"{Section}:{nameof(SystemOptions.IdleBalancer)}";
        if (balancer.MinProbeInterval <= TimeSpan.Zero)
        {
            yield return $"{prefix}:{nameof(balancer.MinProbeInterval)} must be longer than zero, not {balancer.MinProbeInterval}";
        }

        if (balancer.MaxProbeInterval < balancer.MinProbeInterval)
        {
            yield return $"{prefix}:{nameof(balancer.MaxProbeInterval)} must not be shorter than {nameof(balancer.MinProbeInterval)} ({balancer.MinProbeInterval}), not {balancer.MaxProbeInterval}";
        }

        if (balancer.MinMoveInterval < TimeSpan.Zero)
        {
            yield return $"{prefix}:{nameof(balancer.MinMoveInterval)} must not be negative, not {balancer.MinMoveInterval}";
        }

        if (balancer.ThreadCooldown < TimeSpan.Zero)
        {
            yield return $"{prefix}:{nameof(balancer.ThreadCooldown)} must not be negative, not {balancer.ThreadCooldown}";
        }

        if (balancer.MinIdleShare is < 0 or > 1)
        {
            yield return $"{prefix}:{nameof(balancer.MinIdleShare)} must be between 0 and 1, not {balancer.MinIdleShare}";
        }
    }
}
