using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>Issue 18 in a real browser: the dashboard after the scripted workload shows the ledger's numbers in every chart.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_AfterWorkload_ChartsForecastAndAnUnhealthyVoice()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-dashboard-").FullName;
        var voices = Path.Combine(directory, "voices.yaml");
        await File.WriteAllTextAsync(voices, $"voices:\n  narrator: {FakeVoiceCatalog.George}\n");
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Voices:File"] = voices,
            ["Voices:LockFile"] = Path.Combine(directory, "voices.lock"),
        });
        var services = pipeline.Gateway.App.Services;
        await services.GetRequiredService<IBudgetStore>().SetAsync(new Budget(BudgetScope.Project, ScriptedWorkload.Project, BudgetPeriod.Month, 1000, BudgetMode.Hard));
        var client = await pipeline.Gateway.Keys.CreateAsync("client");
        var admin = await pipeline.Gateway.Keys.CreateAsync("admin", isAdmin: true);
        await ScriptedWorkload.RunAsync(pipeline, client.Secret);
        Assert.True(pipeline.Upstream.Account.Voices.TryRemove(FakeVoiceCatalog.George, out _));
        var ledger = services.GetRequiredService<IUsageLedger>();
        var today = (await ledger.SummarizeAsync(LedgerGrouping.Day, since: null))[1];
        var byProject = (await ledger.SummarizeAsync(LedgerGrouping.Project, since: null))[1];
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(pipeline.Gateway.BaseAddress);

        await page.GotoAsync("/dashboard");
        await page.FillAsync("#key", admin.Secret);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForSelectorAsync("#dashboard:not([hidden]) svg[data-chart=spend]");

        Assert.Equal(today.SpentCredits, await ValueAsync(page, "spend", "spent", today.Group!));
        Assert.Equal(pipeline.Upstream.BilledCharacters, today.SpentCredits);
        Assert.Equal(today.SavedCredits, await ValueAsync(page, "spend", "saved", today.Group!));
        Assert.Equal(Math.Round(100.0 * today.CacheHits / today.Requests, 1), await ValueAsync(page, "hit_rate", "hit rate", today.Group!));
        Assert.Equal(byProject.WastedCredits, await ValueAsync(page, "regenerations", "regenerations", ScriptedWorkload.Project));
        Assert.Equal(2, await page.Locator("svg[data-chart=ttfb] rect[data-series=ttfb]").CountAsync());
        Assert.Equal(today.SpentCredits, await ValueAsync(page, "budgets", "budgets", $"project:{ScriptedWorkload.Project}/month"));
        Assert.Equal(today.SpentCredits, await ValueAsync(page, "forecast", "forecast", "Spent so far"));
        Assert.True(await ValueAsync(page, "forecast", "forecast", "Projected by month end") >= today.SpentCredits);
        Assert.Equal(100_000, await ValueAsync(page, "forecast", "forecast", "Plan quota"));
        Assert.Contains("Month-end forecast", await page.TextContentAsync("#forecast-text"), StringComparison.Ordinal);
        Assert.Equal("false", await page.GetAttributeAsync("#voices tr[data-voice=narrator]", "data-healthy"));
        Assert.Contains("unhealthy: missing", await page.TextContentAsync("#voices tr[data-voice=narrator]"), StringComparison.Ordinal);
        Assert.Equal("No render runs yet", await page.TextContentAsync("#render-runs li"));
        Assert.Equal("No deliveries yet", await page.TextContentAsync("#deliveries li"));
        Assert.Equal(admin.Secret, await page.EvaluateAsync<string>("sessionStorage.getItem('speechgate.adminKey')"));
        Assert.DoesNotContain(admin.Secret, page.Url, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "dashboard.png");
    }

    [Fact]
    public async Task Dashboard_ClientKey_IsRefusedWithTheGatewaysMessage()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var client = await pipeline.Gateway.Keys.CreateAsync("client");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(pipeline.Gateway.BaseAddress);

        await page.GotoAsync("/dashboard");
        await page.FillAsync("#key", client.Secret);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForSelectorAsync("#login-error:not(:empty)");

        Assert.Equal("This gateway key is not allowed to call this route.", await page.TextContentAsync("#login-error"));
        Assert.True(await page.IsHiddenAsync("#dashboard"));
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('speechgate.adminKey')"));
    }

    private static async Task<double> ValueAsync(IPage page, string chart, string series, string category)
    {
        var value = await page.GetAttributeAsync($"svg[data-chart={chart}] rect[data-series='{series}'][data-category='{category}']", "data-value");
        return double.Parse(value!, CultureInfo.InvariantCulture);
    }
}
