using PuppeteerSharp;

namespace UxRt.Camkes.Aspire.Tests;

/// <summary>
/// The Aspire dashboard of <see cref="DistributedRun"/> in a real browser: Debian's chromium,
/// headless, driven over the DevTools protocol. After the run its traces page lists a trace whose
/// spans come from both nodes, and that trace's own page shows both; each page is saved as a
/// screenshot under the test output (dashboard/). Skipped where chromium is not installed.
/// </summary>
[Collection(DistributedRun.Collection)]
public sealed class DashboardBrowserTests(DistributedRun run)
{
    private static readonly TimeSpan PageBound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task The_traces_page_shows_a_trace_that_spans_both_nodes()
    {
        var chromium = Chromium();
        Skip.If(chromium is null, "chromium is not installed (apt-get install chromium)");
        Assert.True(run.CrossNodeTrace is not null, $"the run produced no trace across both nodes to look for\n{run.Log}");

        var screenshots = Path.Combine(AppContext.BaseDirectory, "dashboard");
        Directory.CreateDirectory(screenshots);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Root in a container has no user namespace for chromium's sandbox; /dev/shm may be small.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = (int)PageBound.TotalMilliseconds,
        });
        await using var page = await browser.NewPageAsync();
        page.DefaultTimeout = (int)PageBound.TotalMilliseconds;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1600, Height = 1000 });

        // The list: one row (a trace) names both node resources among its spans.
        await page.GoToAsync(new Uri(run.Dashboard, "traces").ToString());
        var row = await TextWithinAsync(page, "Array.from(document.querySelectorAll('tr, [role=row]')).map(r => r.innerText)", SpansBothNodes);
        await page.ScreenshotAsync(Path.Combine(screenshots, "traces.png"), new ScreenshotOptions { FullPage = true });
        Assert.True(row is not null, $"no row of {run.Dashboard}traces names both nodes; the page reads:\n{await page.EvaluateExpressionAsync<string>("document.body.innerText")}");

        // The trace itself: its spans belong to both nodes.
        await page.GoToAsync(new Uri(run.Dashboard, $"traces/detail/{run.CrossNodeTrace}").ToString());
        var detail = await TextWithinAsync(page, "[document.body.innerText]", SpansBothNodes);
        await page.ScreenshotAsync(Path.Combine(screenshots, "trace.png"), new ScreenshotOptions { FullPage = true });
        Assert.True(detail is not null, $"the page of trace {run.CrossNodeTrace} does not name both nodes; it reads:\n{await page.EvaluateExpressionAsync<string>("document.body.innerText")}");
        Assert.True(new FileInfo(Path.Combine(screenshots, "trace.png")).Length > 0, "the screenshot is empty");
    }

    // Both nodes, as the dashboard names their resources: the service (the system) and its instance (the node).
    private static bool SpansBothNodes(string text) =>
        text.Contains("Distributed-audit", StringComparison.Ordinal) && text.Contains("Distributed-pipeline", StringComparison.Ordinal);

    // The dashboard renders over a websocket after the page loads: evaluate until some text matches, bounded.
    private static async Task<string?> TextWithinAsync(IPage page, string texts, Func<string, bool> match)
    {
        var until = DateTime.UtcNow + PageBound;
        while (DateTime.UtcNow < until)
        {
            var found = (await page.EvaluateExpressionAsync<string[]>(texts)).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return null;
    }

    private static string? Chromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists);
}
