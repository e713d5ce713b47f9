using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Proofing;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Proofing;

public sealed class ProofingSpeechSynthesizerTests
{
    [Fact]
    public async Task SynthesizeAsync_Normalize_SendsTheProofedText()
    {
        var (pipeline, provider) = Build(new ProofingOptions());

        await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest("  Hello  world\u200B ", "v") { PreviousText = "Before.  " });

        var sent = Assert.Single(provider.Requests);
        Assert.Equal("Hello world", sent.Text);
        Assert.Equal("Before.", sent.PreviousText);
    }

    [Fact]
    public async Task SynthesizeAsync_CleanText_PassesTheSameRequest()
    {
        var (pipeline, provider) = Build(new ProofingOptions());
        var request = new SpeechRequest("Hello world", "v");

        await using var audio = await pipeline.SynthesizeAsync(request);

        Assert.Same(request, Assert.Single(provider.Requests));
    }

    [Fact]
    public async Task SynthesizeAsync_Off_PassesTheTextUntouched()
    {
        var (pipeline, provider) = Build(new ProofingOptions { Mode = ProofingMode.Off });

        await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest("Hello  world ", "v"));

        Assert.Equal("Hello  world ", Assert.Single(provider.Requests).Text);
    }

    [Fact]
    public async Task SynthesizeAsync_WithTimestamps_PassesTheTextUntouched()
    {
        var (pipeline, provider) = Build(new ProofingOptions());

        await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest("Hello  world ", "v") { WithTimestamps = true });

        Assert.Equal("Hello  world ", Assert.Single(provider.Requests).Text);
    }

    [Fact]
    public async Task SynthesizeAsync_StrictWithErrors_RefusesBeforeTheProvider()
    {
        var (pipeline, provider) = Build(new ProofingOptions { Mode = ProofingMode.Strict });

        var error = await Assert.ThrowsAsync<ProofingException>(() => pipeline.SynthesizeAsync(new SpeechRequest("Wait <break time=\"9s\"/> <emphasis>now", "v")));

        Assert.Empty(provider.Requests);
        Assert.Equal((422, "proofing_failed"), (error.StatusCode, error.Status));
        Assert.Equal([ProofCodes.Break, ProofCodes.Tag], error.Findings.Select(f => f.Code));
        Assert.Contains("SG-BREAK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_StrictWithWarningsOnly_Normalizes()
    {
        var (pipeline, provider) = Build(new ProofingOptions { Mode = ProofingMode.Strict });

        await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest("Dr. Smith  paid $5", "v"));

        Assert.Equal("Dr. Smith paid $5", Assert.Single(provider.Requests).Text);
    }

    [Fact]
    public async Task SynthesizeAsync_ProjectAndKeyOverrides_WinInThatOrder()
    {
        var options = new ProofingOptions { Mode = ProofingMode.Strict };
        options.Projects["drafts"] = new ProofingOverride { Mode = ProofingMode.Off };
        options.Keys["key-1"] = new ProofingOverride { Mode = ProofingMode.Normalize };
        var (pipeline, provider) = Build(options);

        await using (await pipeline.SynthesizeAsync(new SpeechRequest("<emphasis>Draft ", "v") { Project = "drafts" }))
        {
        }

        await using (await pipeline.SynthesizeAsync(new SpeechRequest("<emphasis>Keyed ", "v") { Project = "drafts", AccountId = "key-1" }))
        {
        }

        Assert.Equal(["<emphasis>Draft ", "<emphasis>Keyed"], provider.Requests.Select(r => r.Text));
    }

    [Fact]
    public void ProofingOptions_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Proofing:Mode"] = "strict",
            ["Proofing:Projects:drafts:Mode"] = "off",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddOptions<ProofingOptions>().Bind(configuration.GetSection(ProofingOptions.SectionName));
        using var services = collection.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ProofingOptions>>().Value;

        Assert.Equal(ProofingMode.Strict, options.ModeFor(null, null));
        Assert.Equal(ProofingMode.Off, options.ModeFor("drafts", null));
    }

    private static (ISpeechSynthesizer Pipeline, FakeSpeechSynthesizer Provider) Build(ProofingOptions options)
    {
        var provider = new FakeSpeechSynthesizer();
        var services = new ServiceCollection().AddSingleton<IOptionsMonitor<ProofingOptions>>(new FixedMonitor(options)).BuildServiceProvider();
        return (new SpeechSynthesizerBuilder(provider).UseProofing().Build(services), provider);
    }

    private sealed class FixedMonitor(ProofingOptions value) : IOptionsMonitor<ProofingOptions>
    {
        public ProofingOptions CurrentValue => value;

        public ProofingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ProofingOptions, string?> listener) => null;
    }
}
