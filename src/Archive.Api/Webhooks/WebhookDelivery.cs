using System.Globalization;
using System.Text;
using Archive.Api.ChangeFeed;
using Marten;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Wolverine;

namespace Archive.Api.Webhooks;

/// <summary>Deliver the changes a subscription has not had yet, in order.</summary>
public sealed record DeliverWebhooks(string SubscriptionId);

/// <summary>
/// Delivers changes to one subscription in sequence order, signed per the Standard Webhooks spec,
/// at least once: the cursor moves only past what the receiver accepted. Woken by the change
/// feed's fan-out, one subscription's wake-ups handled one at a time (a partitioned local queue).
/// A failure schedules the next attempt as a Wolverine scheduled message, in the same transaction
/// as the subscription's state, by the pure <see cref="DeliveryRetry"/> rule; every attempt is logged.
/// </summary>
public static class WebhookDeliveryHandler
{
    const int Batch = 200;

    public static async Task<OutgoingMessages> Handle(DeliverWebhooks message, IDocumentSession session, IHttpClientFactory http,
        IOptions<ArchiveOptions> options, TimeProvider clock, Jitter jitter, CancellationToken ct)
    {
        var next = new OutgoingMessages();
        if (await session.LoadAsync<Subscription>(message.SubscriptionId, ct) is not { Active: true } subscription) return next;
        // A retry is already scheduled for then; a wake-up before it changes nothing.
        if (subscription.NextAttemptAt > clock.GetUtcNow()) return next;
        var client = http.CreateClient("webhooks");
        var changes = await session.Query<ChangeRecord>().Where(c => c.Id > subscription.Cursor).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
        var passes = (await ChangeMatching.MatchAsync(session, [subscription.Filter], changes, ct))[0];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (!passes[i]) { subscription.Cursor = change.Id; continue; }
            var attempt = await SendAsync(client, subscription, change, clock, ct);
            session.Store(Log(subscription, change, attempt, subscription.Failures + 1, clock, redelivery: false));
            if (attempt.Delivered)
            {
                (subscription.Cursor, subscription.Failures, subscription.NextAttemptAt) = (change.Id, 0, null);
                continue;
            }
            subscription.Failures++;
            if (Failed(subscription, attempt, options.Value.Webhooks.RetrySchedule, clock, jitter) is { } delay)
                next.Add(new DeliverWebhooks(subscription.Id).DelayedFor(delay));
            session.Store(subscription);
            return next;
        }
        session.Store(subscription);
        if (changes.Count == Batch) next.Add(new DeliverWebhooks(subscription.Id));   // more than one batch behind: go on after this one commits
        return next;
    }

    /// <summary>Applies the retry rule to the subscription; the delay until the next attempt, if there is one.</summary>
    static TimeSpan? Failed(Subscription subscription, Attempt attempt, int[] schedule, TimeProvider clock, Jitter jitter)
    {
        switch (DeliveryRetry.After(subscription.Failures, attempt.Status, attempt.RetryAfter, schedule, jitter.Next()))
        {
            case RetryDecision.Disable disable:
                subscription.DisabledReason = disable.Reason;
                return null;
            case RetryDecision.Retry retry:
                subscription.NextAttemptAt = clock.GetUtcNow() + retry.Delay;
                return retry.Delay;
            default:
                subscription.DeadLettered = true;
                return null;
        }
    }

    internal sealed record Attempt(bool Delivered, int? Status, string? Error, TimeSpan? RetryAfter);

    internal static async Task<Attempt> SendAsync(HttpClient client, Subscription subscription, ChangeRecord change, TimeProvider clock, CancellationToken ct)
    {
        if (TargetCheck.UrlProblem(subscription.Url) is { } refused) return new Attempt(false, null, refused, null);
        var payload = Encoding.UTF8.GetString(ChangeEvents.One(change));
        var (id, timestamp) = ($"msg_{subscription.Id}_{change.Id}", clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(payload, Encoding.UTF8, "application/cloudevents+json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(subscription.Secret).Sign(id, timestamp, payload));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);   // the body says nothing the status does not
            var retryAfter = response.Headers.RetryAfter is { } after
                ? after.Delta ?? (after.Date is { } date ? date - clock.GetUtcNow() : null)
                : null;
            return new Attempt(response.IsSuccessStatusCode, (int)response.StatusCode, Error(response), retryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Attempt(false, null, e.Message, null);
        }
    }

    /// <summary>A redirect is a failed delivery like any other answer outside 2xx: following it would send the signed body where nobody checked.</summary>
    static string? Error(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? null
        : (int)response.StatusCode is >= 300 and < 400 ? $"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}, a redirect, which the Archive does not follow"
        : response.ReasonPhrase;

    internal static DeliveryRecord Log(Subscription subscription, ChangeRecord change, Attempt attempt, int number, TimeProvider clock, bool redelivery) => new()
    {
        Id = Guid.NewGuid(), SubscriptionId = subscription.Id, Sequence = change.Id, Attempt = number, AttemptedAt = clock.GetUtcNow(),
        Status = attempt.Status, Error = attempt.Error, Delivered = attempt.Delivered, Redelivery = redelivery,
    };
}
