using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Archive.Api.Following;

public static class Configuration
{
    /// <summary>Follows, the changes each matched (by follow, in sequence order), and how far each one's mails have come.</summary>
    public static void ConfigureFollows(this StoreOptions opts)
    {
        // The stop and confirm links find their follow by code.
        opts.Schema.For<Follow>().Index(x => x.StopCode).Index(x => x.ConfirmCode!);
        opts.Schema.For<FollowEntry>().Duplicate(x => x.FollowId).Index(x => x.Sequence);
        opts.Schema.For<FollowProgress>();
    }

    /// <summary>One follow's mails one after another (no two digests of one follow at once); different follows side by side.</summary>
    public static void MailFollowsInOrder(this WolverineOptions opts) =>
        opts.MessagePartitioning.ByMessage<MailFollow>(m => m.FollowId)
            .PublishToPartitionedLocalMessaging("follow-mail", 2, topology => topology.Message<MailFollow>());

    /// <summary>Mail needs the public base URL (every link in a mail is absolute) and a daily hour it can read.</summary>
    public static IServiceCollection AddFollows(this IServiceCollection services, IConfiguration configuration)
    {
        services.SubscribeToEvents(new FollowMatching(configuration.GetSection("Archive:Follows").Get<FollowSettings>() ?? new FollowSettings(), TimeProvider.System));
        services.AddOptions<ArchiveOptions>()
            .Validate(o => !o.Mail.Enabled || o.PublicBase.Length > 0, "Archive:Mail needs Archive:PublicBaseUrl: the links in a mail must be absolute")
            .Validate(o => MailTiming.Problem(o.Follows) is null, "Archive:Follows:DailyAt must be HH:mm, Archive:Follows:TimeZone a time zone such as Europe/Amsterdam")
            .ValidateOnStart();
        return services.AddSingleton<SmtpMailer>();
    }
}
