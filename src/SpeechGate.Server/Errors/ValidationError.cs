namespace SpeechGate.Server.Errors;

/// <summary>One entry of a FastAPI-style 422 body: <c>{"loc":[…],"msg":…,"type":…}</c>.</summary>
internal sealed record ValidationError(IReadOnlyList<object> Loc, string Msg, string Type);
