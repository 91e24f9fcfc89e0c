using Handoff;
using UxRt.Camkes.Runtime.Simulation;

// `dotnet run -- explore [schedules] [seed]` explores schedules under simulation and prints the first
// failing seed; `dotnet run -- replay <seed>` prints that schedule's trace and output, the
// same bytes in every run; without arguments the system runs once on real threads.
if (args is ["explore", ..])
{
    var options = new SimulationOptions
    {
        Schedules = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
        Seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
    };
    var result = Simulation.Explore<HandoffSystem>(options);
    Console.WriteLine(result);
    return result.Passed ? 0 : 1;
}

if (args is ["replay", var seedText, ..])
{
    var schedule = Simulation.Replay<HandoffSystem>(int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(schedule);
    Console.WriteLine(schedule.TraceText);
    foreach (var line in schedule.Output)
    {
        Console.WriteLine(line);
    }

    return schedule.Passed ? 0 : 1;
}

return HandoffSystem.Run();
