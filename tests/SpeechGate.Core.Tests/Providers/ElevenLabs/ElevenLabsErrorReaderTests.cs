namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsErrorReaderTests
{
    [Fact]
    public void Parse_LegacyBody_ReadsStatusAndMessage()
    {
        var error = ElevenLabsErrorReader.Parse(404, """{"detail":{"status":"voice_not_found","message":"A voice with the voice_id x was not found."}}""", "trace_1");

        Assert.Equal((404, "voice_not_found", "A voice with the voice_id x was not found.", "trace_1"), (error.StatusCode, error.Status, error.Message, error.RequestId));
        Assert.Null(error.Code);
    }

    [Fact]
    public void Parse_CurrentBody_ReadsEveryField()
    {
        var error = ElevenLabsErrorReader.Parse(400, """{"detail":{"type":"validation_error","code":"invalid_parameters","message":"Bad keyterms.","status":"invalid_parameters","request_id":"r_9","param":"keyterms"}}""", "trace_1");

        Assert.Equal(("validation_error", "invalid_parameters", "invalid_parameters", "r_9", "keyterms"), (error.Type, error.Code, error.Status, error.RequestId, error.Param));
    }

    [Fact]
    public void Parse_CurrentBodyWithoutStatus_FallsBackToCode()
    {
        var error = ElevenLabsErrorReader.Parse(429, """{"detail":{"code":"concurrent_limit_exceeded","message":"Too many."}}""", null);

        Assert.Equal("concurrent_limit_exceeded", error.Status);
        Assert.True(error.IsConcurrencyLimit);
    }

    [Fact]
    public void Parse_ValidationArray_ListsEveryEntry()
    {
        var error = ElevenLabsErrorReader.Parse(422, """{"detail":[{"loc":["body","text"],"msg":"Field required","type":"missing"},{"loc":["query","output_format"],"msg":"Input should be one of","type":"enum"}]}""", null);

        Assert.Equal(2, error.ValidationErrors.Count);
        Assert.Equal(new ElevenLabsValidationError("body.text", "Field required", "missing"), error.ValidationErrors[0]);
        Assert.Equal("text", error.Param);
        Assert.Contains("body.text: Field required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(502, "<html>Bad gateway</html>", "something_went_wrong")]
    [InlineData(429, "", "rate_limit_exceeded")]
    [InlineData(401, """{"detail":"Unauthorized"}""", "unauthorized")]
    public void Parse_UnstructuredBody_UsesTheStatusLine(int status, string body, string expected)
    {
        var error = ElevenLabsErrorReader.Parse(status, body, null);

        Assert.Equal(expected, error.Status);
        Assert.Equal(status, error.StatusCode);
    }
}
