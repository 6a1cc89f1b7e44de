using System.Text;

namespace Archive.Content.Text;

/// <summary>Bytes that claim to be UTF-8 text, checked strictly: no guessing at other encodings.</summary>
public static class Utf8Text
{
    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string error)
    {
        (text, error) = ("", "");
        if (bytes.IsEmpty) { error = "it is empty"; return false; }
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            error = $"it is not valid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at offset {e.Index}; Latin-1 or binary data?)";
            return false;
        }
        if (text.Contains('\0')) { error = "it contains NUL characters, so it is binary data, not a text page"; return false; }
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF'))) { error = "it holds only whitespace"; return false; }
        return true;
    }
}
