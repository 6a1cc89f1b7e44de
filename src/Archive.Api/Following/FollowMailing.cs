using Archive.Api.ChangeFeed;
using Archive.Api.Dossiers;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marten;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine;
using Wolverine.Attributes;

namespace Archive.Api.Following;

/// <summary>Mail a follow's pending changes, if its digest is due.</summary>
public sealed record MailFollow(string FollowId);

/// <summary>Send the mail that confirms a follow's address. It carries the follow's token once: that mail is the only place the Archive writes it.</summary>
public sealed record ConfirmFollowAddress(string FollowId, string Token);

/// <summary>Sends mail through the configured SMTP server (MailKit); a new connection per mail, as mails are few.</summary>
public sealed class SmtpMailer(IOptions<ArchiveOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var mail = options.Value.Mail;
        using var client = new SmtpClient();
        var security = mail.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(mail.Host ?? throw new InvalidOperationException("Archive:Mail:Host is not set: this Archive sends no mail"), mail.Port, security, ct);
        if (!string.IsNullOrEmpty(mail.User)) await client.AuthenticateAsync(mail.User, mail.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// A follow's mails, one follow at a time (a partitioned local queue, durable). Whether a digest is
/// due is <see cref="MailTiming"/>'s pure rule; not yet, it looks again when it will be. A mail the
/// SMTP server does not take is tried again later by Wolverine (scheduled retries), and only a
/// mail that went moves the follow's progress, so none is lost; a crash between sending and
/// committing sends one twice.
/// </summary>
public static class FollowMailHandler
{
    [ScheduleRetry(typeof(Exception), 30, 120, 600, 1800, 3600)]
    public static async Task<OutgoingMessages> Handle(MailFollow message, IDocumentSession session, SmtpMailer mailer, IOptions<ArchiveOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var next = new OutgoingMessages();
        // Mail switched off since (no Archive:Mail:Host): the entries wait, and go once it is back and a change wakes the follow.
        if (!options.Value.Mail.Enabled) return next;
        if (await session.LoadAsync<Follow>(message.FollowId, ct) is not { Mails: true } follow) return next;
        var progress = await session.LoadAsync<FollowProgress>(follow.Id, ct) ?? new FollowProgress { Id = follow.Id, MailedThrough = follow.Since };
        // Only what the change feed has published: the follows' subscription can run ahead of it, and a mail names each change as the feed tells it.
        var published = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var pending = session.Query<FollowEntry>().Where(e => e.FollowId == follow.Id && e.Sequence > progress.MailedThrough && e.Sequence <= published);
        var listed = await pending.OrderBy(e => e.Sequence).Take(FollowMail.MaxListed).ToListAsync(ct);
        if (listed.Count == 0)
        {
            // Matched, but the feed has not published it yet: look again shortly.
            var after = Math.Max(progress.MailedThrough, published);
            if (await session.Query<FollowEntry>().AnyAsync(e => e.FollowId == follow.Id && e.Sequence > after, ct))
                next.Add(message.DelayedFor(TimeSpan.FromSeconds(Math.Max(1, options.Value.Follows.GroupSeconds))));
            return next;
        }
        var newest = await pending.OrderByDescending(e => e.Sequence).FirstAsync(ct);
        var now = clock.GetUtcNow();
        if (MailTiming.Decide(follow.Digest, now, listed[0].RecordedAt, newest.RecordedAt, options.Value.Follows) is MailDecision.WaitUntil wait)
        {
            next.Add(message.ScheduledAt(wait.At));
            return next;
        }
        var notListed = await pending.CountAsync(ct) - listed.Count;
        var sequences = listed.Select(e => e.Sequence).ToArray();
        var records = await session.Query<ChangeRecord>().Where(c => c.Id.IsOneOf(sequences)).OrderBy(c => c.Id).ToListAsync(ct);
        var changes = await DossierChanges.DescribeAsync(session, records, options.Value.Diff, ct);
        await mailer.SendAsync(FollowMail.Digest(follow, changes, notListed, options.Value.PublicBase, options.Value.Mail), ct);
        (progress.MailedThrough, progress.Mails, progress.LastMailAt) = (newest.Sequence, progress.Mails + 1, now);
        session.Store(progress);
        // Once more after a quiet spell: a change committed while this mail was made was not in it, and its page may not have woken anyone (FollowMatching).
        next.Add(message.DelayedFor(TimeSpan.FromSeconds(options.Value.Follows.GroupSeconds)));
        return next;
    }

    [ScheduleRetry(typeof(Exception), 30, 120, 600, 1800, 3600)]
    public static async Task Handle(ConfirmFollowAddress message, IQuerySession session, SmtpMailer mailer, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        if (!options.Value.Mail.Enabled) return;
        // Confirmed, changed or deleted in the meantime: a link in this mail would lead nowhere.
        if (await session.LoadAsync<Follow>(message.FollowId, ct) is not { Email: not null, EmailConfirmed: false, ConfirmCode: not null } follow) return;
        await mailer.SendAsync(FollowMail.Confirmation(follow, message.Token, options.Value.PublicBase, options.Value.Mail), ct);
    }
}
