using SpeechGate.Budgeting;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Budgeting;

public class BudgetingSpeechSynthesizerTests
{
    private static SpeechRequest Line(string text, string? account = "key1", string? project = "promo")
        => new(text, "voice") { AccountId = account, Project = project };

    [Fact]
    public async Task SynthesizeAsync_OverHardBudget_RefusesBeforeCallingProvider()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Budgets.SetAsync(new Budget(BudgetScope.Project, "promo", BudgetPeriod.Day, 10, BudgetMode.Hard));

        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => host.SayAsync(Line("this text is longer than ten")));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("budget_exceeded", error.Status);
        Assert.Contains("project:promo/day", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 of 10 credits left", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_200ConcurrentAgainstBudgetFor50_NeverOverspends()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Month, 50 * 20, BudgetMode.Hard));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await host.SayAsync(Line($"request number {i:D4}!"));
                return "ok";
            }
            catch (SpeechException error)
            {
                return error.Status;
            }
        }));

        var status = Assert.Single(await host.Budgets.ListAsync());
        Assert.Equal(50, results.Count(r => r == "ok"));
        Assert.Equal(150, results.Count(r => r == "budget_exceeded"));
        Assert.Equal(50, host.Provider.Calls);
        Assert.Equal(1000, status.SpentCredits);
        Assert.Equal(0, status.ReservedCredits);
    }

    [Fact]
    public async Task SynthesizeAsync_SoftBudget_ServesWithWarning()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Budgets.SetAsync(new Budget(BudgetScope.Project, "promo", BudgetPeriod.Day, 5, BudgetMode.Soft));

        await using var audio = await host.Pipeline.SynthesizeAsync(Line("over the soft limit"));

        Assert.Contains(audio.Warnings, w => w.Contains("project:promo/day", StringComparison.Ordinal));
        Assert.Equal(1, host.Provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_ProviderFails_ReleasesReservation()
    {
        var provider = new FakeSpeechSynthesizer { OnSynthesize = (_, _) => throw new SpeechException(500, "something_went_wrong", "boom") };
        await using var host = new BudgetTestHost(provider);
        await host.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 100, BudgetMode.Hard));

        await Assert.ThrowsAsync<SpeechException>(() => host.SayAsync(Line("fails upstream")));

        var status = Assert.Single(await host.Budgets.ListAsync());
        Assert.Equal(0, status.SpentCredits + status.ReservedCredits);
    }

    [Fact]
    public async Task SynthesizeAsync_ProviderBillsDifferently_SettlesWhatWasBilled()
    {
        var provider = new FakeSpeechSynthesizer();
        provider.OnSynthesize = (request, _) => Task.FromResult(SpeechAudio.FromBytes(new byte[] { 1 }, "audio/mpeg") with { BilledCharacters = 3 });
        await using var host = new BudgetTestHost(provider);
        await host.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 100, BudgetMode.Hard));

        await host.SayAsync(Line("twelve chars"));

        Assert.Equal(3, Assert.Single(await host.Budgets.ListAsync()).SpentCredits);
    }

    [Fact]
    public async Task Budgets_SurviveRestart()
    {
        string directory;
        await using (var first = new BudgetTestHost(new FakeSpeechSynthesizer()))
        {
            directory = first.Directory;
            await first.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 30, BudgetMode.Hard));
            await first.SayAsync(Line("twenty characters!!!"));
        }

        await using var second = new BudgetTestHost(new FakeSpeechSynthesizer(), directory);
        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => second.SayAsync(Line("twenty characters!!!")));

        Assert.Equal("budget_exceeded", error.Status);
        Assert.Equal(20, Assert.Single(await second.Budgets.ListAsync()).SpentCredits);
    }

    [Fact]
    public async Task SynthesizeAsync_FreeProvider_TouchesNoBudget()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 1, BudgetMode.Hard));

        await host.SayAsync(Line("local engine costs nothing") with { Provider = "local" });

        Assert.Equal(1, host.Provider.Calls);
        Assert.Equal(0, Assert.Single(await host.Budgets.ListAsync()).SpentCredits);
    }

    [Fact]
    public async Task SynthesizeAsync_NewDay_ResetsDailyBudget()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 20, BudgetMode.Hard));
        await host.SayAsync(Line("twenty characters!!!"));

        host.Time.Advance(TimeSpan.FromDays(1));
        await host.SayAsync(Line("twenty characters!!!"));

        Assert.Equal(2, host.Provider.Calls);
    }
}
