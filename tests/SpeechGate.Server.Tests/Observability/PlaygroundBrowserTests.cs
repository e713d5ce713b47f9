using Microsoft.Playwright;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>Issue 18 in a real browser: the playground prices a text, plays it through the pipeline, and a repeat is cached at 0 credits.</summary>
public sealed class PlaygroundBrowserTests
{
    // "$5" is a proofing finding (a voice may read it wrongly) that changes nothing billed in the default normalize mode.
    private const string Text = "Hello from the playground, priced at $5 before it is paid.";

    [Fact]
    public async Task Playground_CheckSpeakAndRepeat_PlaysThenShowsCachedAtZeroCredits()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-playground-").FullName;
        var voices = Path.Combine(directory, "voices.yaml");
        await File.WriteAllTextAsync(voices, $"voices:\n  narrator: {FakeVoiceCatalog.Rachel}\n");
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Voices:File"] = voices,
            ["Voices:LockFile"] = Path.Combine(directory, "voices.lock"),
        });
        var client = await pipeline.Gateway.Keys.CreateAsync("person");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(pipeline.Gateway.BaseAddress);

        await page.GotoAsync("/playground");
        await page.FillAsync("#key", client.Secret);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForSelectorAsync("#playground:not([hidden]) #voice option[value=narrator]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.FillAsync("#text", Text);
        await page.SelectOptionAsync("#voice", "narrator");
        await page.SelectOptionAsync("#model", "eleven_flash_v2_5");
        await page.SelectOptionAsync("#format", "wav_22050");
        await page.FillAsync("#project", "demo");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#estimate[data-credits]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var estimated = long.Parse((await page.GetAttributeAsync("#estimate", "data-credits"))!, System.Globalization.CultureInfo.InvariantCulture);
        var findings = await page.TextContentAsync("#findings");

        await page.ClickAsync("#speak");
        await page.WaitForSelectorAsync("#audio[data-state=ended]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var first = await page.TextContentAsync("#status");
        await page.ClickAsync("#speak");
        await page.WaitForSelectorAsync("#status[data-cache=hit]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#audio[data-state=ended]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var second = await page.TextContentAsync("#status");

        Assert.Equal(pipeline.Upstream.BilledCharacters, estimated);
        Assert.Equal($"miss, {estimated} credits", first);
        Assert.Equal("cached, 0 credits", second);
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
        Assert.Contains("SG-CURRENCY", findings, StringComparison.Ordinal);
        Assert.Equal("alias narrator → " + FakeVoiceCatalog.Rachel, await page.TextContentAsync("#voice option[value=narrator]"));
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#estimate[data-credits='0']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await Browser.ScreenshotAsync(page, "playground.png");
    }
}
