using System.Globalization;
using System.Net;
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
/// at least once: the cursor moves only past what the receiver accepted. A failure sets the next
/// attempt after the next interval of the schedule (or the receiver's Retry-After), with jitter,
/// in the subscription itself, in PostgreSQL, so a restart keeps it; past the last interval the
/// subscription is dead-lettered; 410 Gone disables it. Every attempt is logged.
/// </summary>
public static class WebhookDeliveryHandler
{
    const int Batch = 200;

    public static async Task Handle(DeliverWebhooks message, IDocumentSession session, IHttpClientFactory http,
        IOptions<ArchiveOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Subscription>(message.SubscriptionId, ct) is not { Active: true } subscription) return;
        if (subscription.NextAttemptAt > clock.GetUtcNow()) return;
        var client = http.CreateClient("webhooks");
        foreach (var change in await session.Query<ChangeRecord>().Where(c => c.Id > subscription.Cursor).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct))
        {
            if (!Matches(subscription.Filter, change)) { subscription.Cursor = change.Id; continue; }
            var attempt = await SendAsync(client, subscription, change, clock, ct);
            session.Store(Log(subscription, change, attempt, subscription.Failures + 1, clock, redelivery: false));
            if (attempt.Delivered)
            {
                (subscription.Cursor, subscription.Failures, subscription.NextAttemptAt) = (change.Id, 0, null);
                continue;
            }
            Failed(subscription, attempt, options.Value.Webhooks.RetrySchedule, clock);
            session.Store(subscription);
            return;
        }
        session.Store(subscription);
    }

    static void Failed(Subscription subscription, Attempt attempt, int[] schedule, TimeProvider clock)
    {
        if (attempt.Status == (int)HttpStatusCode.Gone)
        {
            subscription.DisabledReason = "the receiver answered 410 Gone";
            return;
        }
        subscription.Failures++;
        if (subscription.Failures > schedule.Length)
        {
            subscription.DeadLettered = true;
            return;
        }
        var delay = attempt.RetryAfter ?? TimeSpan.FromSeconds(schedule[subscription.Failures - 1] * (0.8 + Random.Shared.NextDouble() * 0.4));
        subscription.NextAttemptAt = clock.GetUtcNow() + delay;
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

    internal static bool Matches(ChangeFilter filter, ChangeRecord change) =>
        (filter.Dossier is null || filter.Dossier == change.Dossier) &&
        (filter.Kind is null || filter.Kind == change.Kind) &&
        (filter.Document is null || filter.Document == change.Subject);
}

/// <summary>
/// Looks for subscriptions behind the change feed whose next attempt is due, and has their
/// deliveries made one at a time (through Wolverine), so that each subscription's order holds.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IOptions<ArchiveOptions> options, ILogger<WebhookDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.Webhooks.Dispatch) return;
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.Webhooks.PollMilliseconds));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Webhook dispatch failed; trying again");
            }
            await Task.Delay(poll, ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    async Task DispatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var latest = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var behind = await session.Query<Subscription>()
            .Where(s => s.DisabledReason == null && !s.DeadLettered && s.Cursor < latest && (s.NextAttemptAt == null || s.NextAttemptAt <= now))
            .Select(s => s.Id).ToListAsync(ct);
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var id in behind) await bus.InvokeAsync(new DeliverWebhooks(id), ct);
    }
}
