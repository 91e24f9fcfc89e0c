using System.Reflection;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Arguments are copied across every procedure connector, as through seL4's IPC buffer: a server
/// that writes into an <c>in</c> array, keeps an <c>out</c> array it returned, or keeps the array
/// of an <c>inout</c> argument never reaches the client's memory, and the client's later writes
/// never reach the server's.
/// </summary>
public sealed class CopySemanticsTests
{
    private const string SpecTemplate = """
        import <std_connector.camkes>;

        struct pair { int a; int b; };

        procedure Arrays {
            int take(in int values[]);
            void give(out int values[]);
            void both(inout int values[]);
            void pairs(in struct pair items[], out struct pair copies[]);
            int sum(in int values[]);
        };

        component Client {
            control;
            uses Arrays arrays;
            attribute string threading = "THREADING";
        }

        component Server {
            provides Arrays arrays;
        }

        assembly {
            composition {
                group g {
                    component Client client;
                    component Server server;
                }
                connection CONNECTOR link(from client.arrays, to server.arrays);
            }
        }
        """;

    private const string ServerCode = """
        namespace Demo;
        public sealed class Server : ServerBase
        {
            public int[]? Kept;
            public int[]? KeptInOut;
            public Pair[]? KeptPairs;
            protected override int ArraysTake(int[] values) { var first = values[0]; values[0] = -1; return first; }
            protected override void ArraysGive(out int[] values) { values = Kept = new[] { 1, 2, 3 }; }
            protected override void ArraysBoth(ref int[] values) { values[0] += 100; KeptInOut = values; }
            protected override void ArraysPairs(Pair[] items, out Pair[] copies) { items[0].A = -1; copies = KeptPairs = new[] { new Pair { A = 7, B = 8 } }; }
            protected override int ArraysSum(int[] values) { var s = 0; foreach (var v in values) s += v; return s; }
        }
        """;

    // What both clients record for the test to compare with what the server kept.
    private const string ClientRecord = """
        namespace Demo;
        public sealed class Client : ClientBase
        {
            public string Seen = "";
            public long Allocated = -1;
            public int[] Given = System.Array.Empty<int>();
            public int[] InOut = System.Array.Empty<int>();
            public Pair[] Copies = System.Array.Empty<Pair>();
        """;

    private const string NativeClient = ClientRecord + """
            protected override void Run()
            {
                var mine = new[] { 5, 6 };
                var first = Arrays.Take(mine);
                Arrays.Give(out Given);
                InOut = new[] { 1, 2 };
                var before = InOut;
                Arrays.Both(ref InOut);
                var items = new[] { new Pair { A = 1, B = 2 } };
                Arrays.Pairs(items, out Copies);
                Seen = $"in: {first} {mine[0]} | inout: {InOut[0]} same array {ReferenceEquals(before, InOut)} | pairs: {items[0].A} {Copies[0].A}";

                var fixedSize = new int[16];
                for (var i = 0; i < 100; i++) Arrays.Sum(fixedSize);
                var start = System.GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 1000; i++) Arrays.Sum(fixedSize);
                Allocated = System.GC.GetAllocatedBytesForCurrentThread() - start;
            }
        }
        """;

    private const string UnicoreClient = ClientRecord + """
            protected override async System.Threading.Tasks.Task RunAsync()
            {
                var mine = new[] { 5, 6 };
                var first = await Arrays.TakeAsync(mine);
                Given = (await Arrays.GiveAsync()).Values;
                InOut = (await Arrays.BothAsync(new[] { 1, 2 })).Values;
                var items = new[] { new Pair { A = 1, B = 2 } };
                Copies = (await Arrays.PairsAsync(items)).Copies;
                Seen = $"in: {first} {mine[0]} | inout: {InOut[0]} same array False | pairs: {items[0].A} {Copies[0].A}";
                Allocated = 0;
            }
        }
        """;

    [Theory]
    [InlineData("seL4RPCCall", "native")]
    [InlineData("seL4DirectCall", "native")]
    [InlineData("seL4RPCCall", "unicore")]
    public void Neither_end_observes_the_other_ends_arrays(string connector, string threading)
    {
        var unicore = threading == "unicore";
        var assembly = new GeneratorHarness()
            .WithSpec("arrays.camkes", SpecTemplate.Replace("CONNECTOR", connector).Replace("THREADING", threading))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Server.cs", ServerCode)
            .WithCode("Client.cs", unicore ? UnicoreClient : NativeClient)
            .Load();

        using var kernel = (SystemKernel)assembly.GetType("Demo.ArraysSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");
        dynamic server = kernel.GetInstance<Runtime.Components.Component>("server");

        // in: the server's write to its copy stays on its side; inout: its change comes back, into the caller's own array.
        Assert.Equal($"in: 5 5 | inout: 101 same array {!unicore} | pairs: 1 7", (string)client.Seen);

        // out: the array the client got is not the one the server keeps, each way.
        int[] given = client.Given;
        int[] kept = server.Kept;
        Assert.NotSame(kept, given);
        kept[0] = 99;
        Assert.Equal(1, given[0]);
        given[1] = -2;
        Assert.Equal(2, kept[1]);

        // inout: the server kept the array it was handed; the client's array is another.
        int[] keptInOut = server.KeptInOut;
        int[] inOut = client.InOut;
        Assert.NotSame(keptInOut, inOut);
        keptInOut[1] = 77;
        Assert.Equal(2, inOut[1]);

        object copies = client.Copies;
        object keptPairs = server.KeptPairs;
        Assert.NotSame(keptPairs, copies);

        if (!unicore && connector == "seL4DirectCall")
        {
            // A fixed-size array argument goes through the frame's reused buffer: no allocation per call.
            Assert.Equal(0L, (long)client.Allocated);
        }
    }

    private const string StructSpec = """
        import <std_connector.camkes>;

        struct bag { int items[]; int count; };
        struct crate { struct bag inner; int tag; };

        procedure Bags {
            int take(in struct bag b);
            void give(out struct bag b);
            int nested(in struct crate c);
            int many(in struct bag bs[]);
        };

        component Client { control; uses Bags bags; }
        component Server { provides Bags bags; }

        assembly {
            composition {
                group g {
                    component Client client;
                    component Server server;
                }
                connection CONNECTOR link(from client.bags, to server.bags);
            }
        }
        """;

    private const string StructCode = """
        namespace Demo;
        public sealed class Server : ServerBase
        {
            public Bag Kept;
            protected override int BagsTake(Bag b) { var first = b.Items![0]; b.Items[0] = -1; return first; }
            protected override void BagsGive(out Bag b) { b = Kept = new Bag { Items = new[] { 1, 2, 3 }, Count = 3 }; }
            protected override int BagsNested(Crate c) { var first = c.Inner.Items![0]; c.Inner.Items[0] = -1; return first; }
            protected override int BagsMany(Bag[] bs) { var first = bs[0].Items![0]; bs[0].Items![0] = -1; return first; }
        }

        public sealed class Client : ClientBase
        {
            public string Seen = "";
            public Bag Given;
            protected override void Run()
            {
                var mine = new Bag { Items = new[] { 5, 6 }, Count = 2 };
                var first = Bags.Take(mine);
                Bags.Give(out Given);
                var crate = new Crate { Inner = new Bag { Items = new[] { 7 } } };
                var nested = Bags.Nested(crate);
                var many = new[] { new Bag { Items = new[] { 8 } } };
                var fromMany = Bags.Many(many);
                Seen = $"{first} {mine.Items[0]} | {nested} {crate.Inner.Items![0]} | {fromMany} {many[0].Items![0]}";
            }
        }
        """;

    [Theory]
    [InlineData("seL4RPCCall")]
    [InlineData("seL4DirectCall")]
    public void Arrays_inside_structs_are_copied_too(string connector)
    {
        var assembly = new GeneratorHarness()
            .WithSpec("bags.camkes", StructSpec.Replace("CONNECTOR", connector))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Code.cs", StructCode)
            .Load();

        using var kernel = (SystemKernel)assembly.GetType("Demo.BagsSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");
        dynamic server = kernel.GetInstance<Runtime.Components.Component>("server");

        // in: the server's writes into the arrays of its copies (a struct's, a nested struct's, an array element's) stay on its side.
        Assert.Equal("5 5 | 7 7 | 8 8", (string)client.Seen);

        // out: the struct the client got holds another array than the one the server keeps.
        int[] given = client.Given.Items;
        int[] kept = server.Kept.Items;
        Assert.NotSame(kept, given);
        kept[0] = 99;
        Assert.Equal(1, given[0]);
    }
}
