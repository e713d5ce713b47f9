using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Proofing.Scripts;
using SpeechGate.Proofing.Spelling;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Commands;

/// <summary>What <c>proof</c> was asked: the script and its options.</summary>
internal sealed record ProofSetupRequest(string ScriptPath, string? Language, string? Model, string? LexiconPath, string? WordsPath, IReadOnlySet<string> Ignore);

/// <summary>Builds proofing options from the command line and configuration: dictionary, accepted words, prices.</summary>
internal sealed record ProofSetup(ScriptProofOptions Options, PronunciationLexicon? Lexicon)
{
    private const string DefaultLanguage = "en-US";

    public static async Task<ProofSetup> CreateAsync(IServiceProvider services, CliContext context, ProofSetupRequest request, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var language = request.Language ?? configuration["Proofing:Language"] ?? DefaultLanguage;
        var lexiconPath = request.LexiconPath ?? configuration["Proofing:Lexicon"];
        var lexicon = lexiconPath is null ? null : PronunciationLexicon.Read(lexiconPath);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        words.UnionWith(await ReadWordsAsync(request, configuration, cancellationToken));
        words.UnionWith(VoiceNames(services));
        if (lexicon is not null)
        {
            words.UnionWith(lexicon.Words);
        }

        var spelling = SpellChecker.ForLanguage(language);
        if (spelling is null)
        {
            await context.Error.WriteLineAsync($"note: no hunspell dictionary for {language} (install Debian's hunspell-{language.Split('-', '_')[0].ToLowerInvariant()}); spelling not checked");
        }
        else
        {
            foreach (var word in words)
            {
                spelling.Accept(word);
            }
        }

        var estimator = services.GetRequiredService<CreditEstimator>();
        await estimator.RefreshRatesAsync(cancellationToken);
        var ignore = new HashSet<string>(request.Ignore, StringComparer.OrdinalIgnoreCase);
        ignore.UnionWith((configuration["Proofing:Ignore"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new ProofSetup(new ScriptProofOptions
        {
            DefaultModel = request.Model,
            Language = language,
            Spelling = spelling,
            Ignore = ignore,
            Words = words,
            CreditsPerCharacter = estimator.MultiplierOf,
        }, lexicon);
    }

    private static async Task<IEnumerable<string>> ReadWordsAsync(ProofSetupRequest request, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var path = request.WordsPath ?? configuration["Proofing:Words"];
        if (path is null && request.ScriptPath != "-")
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.ScriptPath))!, "words.txt");
            path = File.Exists(beside) ? beside : null;
        }

        if (path is null)
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        return lines.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'));
    }

    // Voice aliases are names, and names are spelled right.
    private static List<string> VoiceNames(IServiceProvider services)
    {
        try
        {
            return services.GetService<VoiceConfigurationStore>()?.Current.Catalog.Aliases.Keys
                .SelectMany(name => name.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)).ToList() ?? [];
        }
        catch (VoiceConfigurationException)
        {
            return [];
        }
    }
}
