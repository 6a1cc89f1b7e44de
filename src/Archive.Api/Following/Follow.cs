using System.Security.Cryptography;
using Archive.Api.ChangeFeed;

namespace Archive.Api.Following;

public enum MailDigest { Immediate, Daily }

/// <summary>
/// Someone following a document, a dossier, a zaak, a kind or a search: what they follow (a
/// <see cref="ChangeFilter"/>, every part of which must hold) and, if they gave one, where mail goes.
/// There are no accounts. Whoever holds the follow's secret link (its token) can read, change and
/// delete it; the Archive keeps only the token's SHA-256 (<see cref="Id"/>), so its own data cannot
/// be turned into links. The stop and confirm codes grant only what their names say, and are kept
/// as they are because mails are made from them.
/// </summary>
public sealed class Follow
{
    /// <summary>The SHA-256 of the secret token, in hex.</summary>
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public ChangeFilter Filter { get; set; } = new(null, null, null);
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The newest change when the follow was made: it hears of the changes after this one.</summary>
    public long Since { get; set; }

    public string? Email { get; set; }
    public MailDigest Digest { get; set; }
    /// <summary>Mail goes out only once the address has been confirmed from a mail sent to it: nobody can have someone else mailed.</summary>
    public bool EmailConfirmed { get; set; }
    public string? ConfirmCode { get; set; }
    public string StopCode { get; set; } = "";
    /// <summary>When mail was stopped by the stop link (the follow, its feed and its page stay).</summary>
    public DateTimeOffset? MailStoppedAt { get; set; }

    public bool Mails => Email is not null && EmailConfirmed && MailStoppedAt is null;

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string IdOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a token can be one the Archive made (43 characters of base64url); anything else is not looked up.</summary>
    public static bool IsTokenShaped(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool IsCodeShaped(string? code) => code is { Length: 32 } && code.All(char.IsAsciiHexDigitLower);
}

/// <summary>One change a follow matched: the follow's Atom feed and its mails are made from these.</summary>
public sealed class FollowEntry
{
    /// <summary>"{follow}:{sequence}": a page of changes handed over again stores the same entries, not new ones.</summary>
    public string Id { get; set; } = "";
    public string FollowId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static FollowEntry Of(string followId, ChangeRecord change) =>
        new() { Id = $"{followId}:{change.Id}", FollowId = followId, Sequence = change.Id, RecordedAt = change.Data.RecordedAt };
}

/// <summary>How far a follow's mails have come. Written only by the mail handler, so that editing the follow never races it.</summary>
public sealed class FollowProgress
{
    public string Id { get; set; } = "";
    /// <summary>The sequence of the last change a mail told of.</summary>
    public long MailedThrough { get; set; }
    public int Mails { get; set; }
    public DateTimeOffset? LastMailAt { get; set; }
}
