using System.Security.Cryptography;
using Archive.Api.ChangeFeed;
using Archive.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace Archive.Api.Webhooks;

/// <param name="From">First sequence number to deliver again; with <see cref="To"/> left out, only this one.</param>
public sealed record RedeliverRequest(long? From, long? To);

/// <summary>Deliver these changes again (a range of sequence numbers), whatever was delivered before, and say so in the job.</summary>
public sealed record Redeliver(string SubscriptionId, long From, long To, string JobId);

/// <summary>A redelivery of a range, done in the background: what it was asked, how far it came, and when.</summary>
public sealed class RedeliveryJob
{
    public const string Queued = "queued", Running = "running", Done = "done";

    public string Id { get; set; } = "";
    public string SubscriptionId { get; set; } = "";
    public long From { get; set; }
    public long To { get; set; }
    public string State { get; set; } = Queued;
    public int Delivered { get; set; }
    public int Failed { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Why the job did nothing (the subscription was removed meanwhile), or null.</summary>
    public string? Problem { get; set; }
}

/// <summary>A range can be thousands of deliveries: the request only queues it, and its status resource tells how far it came.</summary>
public static class RedeliveryEndpoints
{
    public static ProblemDetails Before(HttpContext context, IOptions<ArchiveOptions> options) => ApiKeyCheck.Verify(context, options);

    [WolverinePost("/api/subscriptions/{id}/redeliveries", OperationId = "Redeliver")]
    [Tags("Webhooks"), EndpointSummary("Deliver one change or a range again ({from, to}), in the background: 202 and the job's status; with neither, resume a dead-lettered subscription")]
    [ProducesResponseType<RedeliveryJob>(202), ProducesResponseType<SubscriptionView>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Redeliver(string id, RedeliverRequest request, IDocumentSession session, IMessageBus bus,
        IOptions<ArchiveOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Subscription>(id, ct) is not { } subscription) return SubscriptionEndpoints.Unknown(id);
        if (request.From is not { } from) return await ResumeAsync(subscription, session, ct);
        var to = request.To ?? from;
        if (from < 1 || to < from) return Problems.Status(400, "Invalid range", $"from {from} to {to} is not a range of sequence numbers.");
        var job = new RedeliveryJob
        {
            Id = "rdl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), SubscriptionId = id, From = from, To = to, RequestedAt = clock.GetUtcNow(),
        };
        session.Store(job);
        await bus.PublishAsync(new Redeliver(id, from, to, job.Id));
        await session.SaveChangesAsync(ct);
        return Results.Accepted($"{options.Value.PublicBase}/api/subscriptions/{id}/redeliveries/{job.Id}", job);
    }

    static async Task<IResult> ResumeAsync(Subscription subscription, IDocumentSession session, CancellationToken ct)
    {
        (subscription.DeadLettered, subscription.Failures, subscription.NextAttemptAt) = (false, 0, null);
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Ok(SubscriptionView.Of(subscription));
    }

    [WolverineGet("/api/subscriptions/{id}/redeliveries/{jobId}", OperationId = "Redelivery")]
    [Tags("Webhooks"), EndpointSummary("A redelivery: queued, running or done, with how many changes were delivered and failed so far")]
    [ProducesResponseType<RedeliveryJob>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Status(string id, string jobId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<RedeliveryJob>(jobId, ct) is { } job && job.SubscriptionId == id
            ? Results.Ok(job)
            : Problems.Status(404, "Unknown redelivery", $"Subscription '{id}' has no redelivery '{jobId}'.");
}

/// <summary>
/// Delivers the range a hundred changes at a time, committing the delivery log and the job's counts
/// after each hundred, so that the status tells how far it came. Run again (after a restart), it
/// starts the range over: redelivery is at least once, like every delivery.
/// </summary>
public static class RedeliverHandler
{
    const int Chunk = 100;

    public static async Task Handle(Redeliver message, IDocumentStore store, IHttpClientFactory http, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<RedeliveryJob>(message.JobId, ct) is not { } job) return;
        (job.State, job.StartedAt, job.Delivered, job.Failed) = (RedeliveryJob.Running, clock.GetUtcNow(), 0, 0);
        if (await session.LoadAsync<Subscription>(message.SubscriptionId, ct) is { } subscription)
            await DeliverAsync(message, job, subscription, session, http.CreateClient("webhooks"), clock, ct);
        else job.Problem = "the subscription was removed before the redelivery ran";
        (job.State, job.FinishedAt) = (RedeliveryJob.Done, clock.GetUtcNow());
        session.Store(job);
        await session.SaveChangesAsync(ct);
    }

    static async Task DeliverAsync(Redeliver message, RedeliveryJob job, Subscription subscription, IDocumentSession session, HttpClient client, TimeProvider clock, CancellationToken ct)
    {
        var after = message.From - 1;
        while (true)
        {
            session.Store(job);
            await session.SaveChangesAsync(ct);
            var changes = await session.Query<ChangeRecord>().Where(c => c.Id > after && c.Id <= message.To).OrderBy(c => c.Id).Take(Chunk).ToListAsync(ct);
            if (changes.Count == 0) return;
            var passes = (await ChangeMatching.MatchAsync(session, [subscription.Filter], changes, ct))[0];
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                after = change.Id;
                if (!passes[i]) continue;
                var attempt = await WebhookDeliveryHandler.SendAsync(client, subscription, change, clock, ct);
                session.Store(WebhookDeliveryHandler.Log(subscription, change, attempt, 1, clock, redelivery: true));
                if (attempt.Delivered) job.Delivered++; else job.Failed++;
            }
        }
    }
}
