using Archive.Api.ChangeFeed;

namespace Archive.Api.Webhooks;

/// <summary>A webhook: where the changes go, which ones, and how far delivery has come.</summary>
public sealed class Subscription
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    public ChangeFilter Filter { get; set; } = new(null, null, null);
    public string Secret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The sequence of the last change delivered: the next delivery starts after it.</summary>
    public long Cursor { get; set; }

    /// <summary>Failed attempts in a row at the change after <see cref="Cursor"/>.</summary>
    public int Failures { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public bool DeadLettered { get; set; }
    public string? DisabledReason { get; set; }

    public bool Active => DisabledReason is null && !DeadLettered;
}

/// <summary>One attempt to deliver one change to one subscription.</summary>
public sealed class DeliveryRecord
{
    public Guid Id { get; set; }
    public string SubscriptionId { get; set; } = "";
    public long Sequence { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? Status { get; set; }
    public string? Error { get; set; }
    public bool Delivered { get; set; }
    public bool Redelivery { get; set; }
}
