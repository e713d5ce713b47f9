namespace SpeechGate.Synthesis;

/// <summary>Composes pipeline stages around a provider; the first <c>Use</c> is the outermost stage.</summary>
public sealed class SpeechSynthesizerBuilder
{
    private readonly Func<IServiceProvider, ISpeechSynthesizer> _innerFactory;
    private readonly List<Func<ISpeechSynthesizer, IServiceProvider, ISpeechSynthesizer>> _stages = [];

    /// <summary>Starts a pipeline around the synthesizer that <paramref name="innerFactory"/> creates.</summary>
    public SpeechSynthesizerBuilder(Func<IServiceProvider, ISpeechSynthesizer> innerFactory)
        => _innerFactory = innerFactory ?? throw new ArgumentNullException(nameof(innerFactory));

    /// <summary>Starts a pipeline around <paramref name="inner"/>.</summary>
    public SpeechSynthesizerBuilder(ISpeechSynthesizer inner)
        : this(_ => inner ?? throw new ArgumentNullException(nameof(inner)))
    {
    }

    /// <summary>Adds a stage; stages run in the order they were added.</summary>
    public SpeechSynthesizerBuilder Use(Func<ISpeechSynthesizer, IServiceProvider, ISpeechSynthesizer> stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Adds a stage that needs no services.</summary>
    public SpeechSynthesizerBuilder Use(Func<ISpeechSynthesizer, ISpeechSynthesizer> stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return Use((inner, _) => stage(inner));
    }

    /// <summary>Builds the pipeline: wraps the provider from the last stage to the first.</summary>
    public ISpeechSynthesizer Build(IServiceProvider? services = null)
    {
        services ??= EmptyServiceProvider.Instance;
        var synthesizer = _innerFactory(services);
        for (var i = _stages.Count - 1; i >= 0; i--)
        {
            synthesizer = _stages[i](synthesizer, services)
                ?? throw new InvalidOperationException($"Pipeline stage {i} returned null.");
        }

        return synthesizer;
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
