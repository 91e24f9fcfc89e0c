namespace UxRt.Camkes.Compiler.Tests;

/// <summary>Small specs and component code shared by the generator tests.</summary>
internal static class Specs
{
    public const string Echo = """
        import <std_connector.camkes>;

        procedure Echo {
            string echo(in string text, in int times, out int length);
            void reset(inout int counter);
            unsigned int sum(in int values[]);
        };

        component Client {
            control;
            uses Echo echo;
        }

        component Server {
            provides Echo echo;
        }

        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall link(from client.echo, to server.echo);
            }
        }
        """;

    public const string ClientCode = """
        namespace Demo;

        public sealed class Client : ClientBase
        {
            public string? LastReply { get; private set; }

            protected override void Run()
            {
                LastReply = Echo.Echo("hi", 2, out var length) + length;
                var counter = 1;
                Echo.Reset(ref counter);
                _ = Echo.Sum(new[] { 1, 2, 3 });
            }
        }
        """;

    public const string ServerCode = """
        namespace Demo;

        public sealed class Server : ServerBase
        {
            protected override string EchoEcho(string text, int times, out int length)
            {
                var reply = string.Concat(Enumerable.Repeat(text, times));
                length = reply.Length;
                return reply;
            }

            protected override void EchoReset(ref int counter) => counter = 0;

            protected override uint EchoSum(int[] values) => (uint)values.Sum();
        }
        """;

    public const string Usings = """
        global using System;
        global using System.Linq;
        """;
}
