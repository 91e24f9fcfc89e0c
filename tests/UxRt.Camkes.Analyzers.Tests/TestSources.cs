namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// The code the tests analyse: one component class whose members each test supplies, deriving from
/// a base marked <c>[UnicoreComponent]</c> or from an unmarked one, beside stand-ins for the runtime
/// attribute, two kernel objects and a generated RPC end.
/// </summary>
internal static class TestSources
{
    /// <summary>Ends the line a test expects the diagnostic on.</summary>
    public const string Marker = "//!";

    public const string UnicoreBase = "UnicoreBase";
    public const string NativeBase = "NativeBase";

    public const string ComponentFileName = "Component.cs";
    public const string SupportFileName = "Support.cs";

    public static string Component(string members, string baseClass = UnicoreBase) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using UxRt.Camkes.Runtime.Notifications;
        using UxRt.Camkes.Runtime.Synchronisation;

        public sealed class Component : {{baseClass}}
        {
        {{members}}
        }
        """;

    /// <summary>The 1-based line that carries <see cref="Marker"/>.</summary>
    public static int MarkedLine(string source)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.TrimEnd().EndsWith(Marker, StringComparison.Ordinal));
        Assert.True(index >= 0, "the test source marks no line with " + Marker);
        return index + 1;
    }

    // Declared here rather than referenced from the runtime: the analyzer matches the attribute by
    // its full name, wherever it is declared.
    public const string Support = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace UxRt.Camkes.Runtime.Threading
        {
            [System.AttributeUsage(System.AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
            public sealed class UnicoreComponentAttribute : System.Attribute
            {
            }

            [System.AttributeUsage(System.AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
            public sealed class RunsOnVirtualCpuAttribute : System.Attribute
            {
            }
        }

        namespace UxRt.Camkes.Runtime.Notifications
        {
            public sealed class Notification
            {
                public void Emit() { }
                public int Wait(CancellationToken cancellation = default) => 0;
                public ValueTask<int> WaitAsync(CancellationToken cancellation = default) => default;
            }
        }

        namespace UxRt.Camkes.Runtime.Synchronisation
        {
            public sealed class ComponentMutex
            {
                public void Lock() { }
                public Task LockAsync(CancellationToken cancellation = default) => Task.CompletedTask;
                public void Unlock() { }
            }
        }

        // What the generator writes for `uses Greeter greeter`: each method has an awaitable twin.
        public interface IGreeter
        {
            string Greet(string name, int times, out int length);
            Task<(string Reply, int Length)> GreetAsync(string name, int times);
            int Add(int a, int b);
            Task<int> AddAsync(int a, int b);
        }

        [UxRt.Camkes.Runtime.Threading.UnicoreComponent]
        public abstract class UnicoreBase
        {
            protected IGreeter Greeter { get; } = null!;

            protected System.IDisposable StartTimer(System.TimeSpan period, System.Action tick) => null!;
        }

        public abstract class NativeBase
        {
            protected IGreeter Greeter { get; } = null!;
        }
        """;
}
