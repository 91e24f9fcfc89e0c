using System.Text;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Scheduling;

/// <summary>The balancer's decision and the OS plumbing under it, without threads: exact cases.</summary>
public sealed class BalancePolicyTests
{
    private static ThreadLoad Busy(int core, bool movable = true) => new(Runnable: true, core, movable, CoolingDown: false);

    [Fact]
    public void Two_runnable_movable_threads_on_one_core_give_one_to_the_idle_core() =>
        Assert.Equal(0, BalancePolicy.Choose([Busy(0), Busy(0)], idleCore: 1));

    [Fact]
    public void A_thread_that_may_not_move_stays_and_a_movable_one_goes_instead() =>
        Assert.Equal(1, BalancePolicy.Choose([Busy(0, movable: false), Busy(0), Busy(0, movable: false)], idleCore: 1));

    [Fact]
    public void Pinned_threads_without_migratable_never_move() =>
        Assert.Equal(-1, BalancePolicy.Choose([Busy(0, movable: false), Busy(0, movable: false)], idleCore: 1));

    [Fact]
    public void No_move_when_the_reporting_core_is_busy_too() =>
        Assert.Equal(-1, BalancePolicy.Choose([Busy(0), Busy(0), Busy(1, movable: false)], idleCore: 1));

    [Fact]
    public void No_move_for_a_single_runnable_thread_or_sleeping_ones() =>
        Assert.Equal(-1, BalancePolicy.Choose([Busy(0), new ThreadLoad(false, 0, true, false), new ThreadLoad(false, 0, true, false)], idleCore: 1));

    [Fact]
    public void A_thread_moved_a_moment_ago_is_left_where_it_is() =>
        Assert.Equal(1, BalancePolicy.Choose([new ThreadLoad(true, 0, true, CoolingDown: true), Busy(0)], idleCore: 1));

    [Fact]
    public void The_most_crowded_core_gives() =>
        Assert.Equal(2, BalancePolicy.Choose([Busy(0), Busy(0), Busy(2), Busy(2), Busy(2)], idleCore: 1));

    [Fact]
    public void The_stat_line_gives_state_and_last_core_even_with_parentheses_in_the_name()
    {
        var line = "4242 (a) b (c)) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 7 0 0 0\n";
        Assert.Equal((true, 7), OsScheduling.ParseStat(Encoding.ASCII.GetBytes(line)));
        Assert.Equal((false, 7), OsScheduling.ParseStat(Encoding.ASCII.GetBytes(line.Replace(") R ", ") S "))));
        Assert.Null(OsScheduling.ParseStat(Encoding.ASCII.GetBytes("4242 (truncated) R 1 2")));
    }

    [Fact]
    public void A_stat_line_is_only_taken_for_the_thread_it_names_as_linux_truncates_names()
    {
        var line = Encoding.ASCII.GetBytes("4242 (netstack.interf) R 1 2 3");
        Assert.True(OsScheduling.NamesThread(line, "netstack.interface"));
        Assert.False(OsScheduling.NamesThread(line, "driver.control"));
        Assert.True(OsScheduling.NamesThread(Encoding.ASCII.GetBytes("7 (a.cpu) S 1"), "a.cpu"));
    }

    [Fact]
    public void Each_cores_idle_and_total_time_come_from_proc_stat_without_the_guest_columns()
    {
        var stat = "cpu  10 0 10 100 0 0 0 0 0 0\ncpu0 1 2 3 40 5 6 7 8 9 10\ncpu1 100 0 0 900 0 0 0 0 0 0\nintr 12345\ncpu7 1 1 1 1 1 1 1 1\n";
        var times = new (long Idle, long Total)[3];
        OsScheduling.ParseCoreTimes(Encoding.ASCII.GetBytes(stat), times);
        Assert.Equal((45L, 72L), times[0]);
        Assert.Equal((900L, 1000L), times[1]);
        Assert.Equal((0L, 0L), times[2]);
    }

    [Theory]
    [InlineData(0, 19)]
    [InlineData(64, 10)]
    [InlineData(128, 0)]
    [InlineData(192, -10)]
    [InlineData(255, -20)]
    public void Priorities_map_to_nice_values_with_the_default_at_128(int priority, int nice) =>
        Assert.Equal(nice, PriorityMapping.ToNice(priority));
}
