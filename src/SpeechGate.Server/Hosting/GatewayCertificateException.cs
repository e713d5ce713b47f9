namespace SpeechGate.Server.Hosting;

/// <summary>The TLS certificate for <c>serve --https</c> is missing, unreadable, expired or has no private key.</summary>
public sealed class GatewayCertificateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayCertificateException()
    {
    }

    /// <summary>Creates the exception with a one-line message for the operator.</summary>
    public GatewayCertificateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the loader's failure.</summary>
    public GatewayCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
