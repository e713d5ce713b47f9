namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Tests that create gateway keys in the shared data directory, or need it to have none, run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGatewayKeys
{
    public const string Name = "shared gateway keys";
}
