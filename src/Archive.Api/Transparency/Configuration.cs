using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Wolverine.Marten;

namespace Archive.Api.Transparency;

/// <summary>
/// The transparency log's tables, all plain rows that are only ever added to:
/// <list type="bullet">
/// <item><c>log_leaves</c>: one row per event, in the log's order, with the record's bytes (<see cref="Archive.Content.Transparency.LogRecord"/>);</item>
/// <item><c>log_hashes</c>: the hash of every complete subtree (<see cref="Archive.Content.Transparency.Node"/>), about two per leaf;</item>
/// <item><c>log_checkpoints</c>: every signed checkpoint;</item>
/// <item><c>log_keys</c>: the signer key, made on first start, unless one is configured.</item>
/// </list>
/// </summary>
public static class Configuration
{
    public const string Leaves = "log_leaves", Hashes = "log_hashes", Checkpoints = "log_checkpoints", Keys = "log_keys";

    public static void ConfigureTransparencyLog(this StoreOptions opts)
    {
        var schema = opts.DatabaseSchemaName;
        var leaves = new Table(new PostgresqlObjectName(schema, Leaves, SchemaUtils.IdentifierUsage.General));
        leaves.AddColumn<long>("idx").AsPrimaryKey();
        leaves.AddColumn<long>("seq").NotNull();
        leaves.AddColumn<string>("stream").NotNull();
        leaves.AddColumn<long>("version").NotNull();
        leaves.AddColumn("revision", "integer");
        leaves.AddColumn("data", "bytea").NotNull();
        leaves.Indexes.Add(new IndexDefinition($"ix_{Leaves}_seq") { Columns = ["seq"], IsUnique = true });
        leaves.Indexes.Add(new IndexDefinition($"ix_{Leaves}_stream") { Columns = ["stream", "version"] });
        opts.Storage.ExtendedSchemaObjects.Add(leaves);

        var hashes = new Table(new PostgresqlObjectName(schema, Hashes, SchemaUtils.IdentifierUsage.General));
        hashes.AddColumn<int>("level").AsPrimaryKey();
        hashes.AddColumn<long>("idx").AsPrimaryKey();
        hashes.AddColumn("hash", "bytea").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(hashes);

        var checkpoints = new Table(new PostgresqlObjectName(schema, Checkpoints, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn<long>("size").AsPrimaryKey();
        checkpoints.AddColumn("root", "bytea").NotNull();
        checkpoints.AddColumn<string>("note").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("signed_at").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(checkpoints);

        var keys = new Table(new PostgresqlObjectName(schema, Keys, SchemaUtils.IdentifierUsage.General));
        keys.AddColumn<string>("name").AsPrimaryKey();
        keys.AddColumn<string>("signer_key").NotNull();
        keys.AddColumn<DateTimeOffset>("created_at").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(keys);
    }

    /// <summary>The appender (one node at a time, in the event store's order) and the key.</summary>
    public static IServiceCollection AddTransparencyLog(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Archive:Log").Get<LogSettings>() ?? new LogSettings();
        services.AddSingleton<LogKeys>();
        services.AddSingleton<LogStore>();
        if (settings.Enabled) services.SubscribeToEvents(new LogAppender(TimeSpan.FromSeconds(Math.Max(1, settings.CheckpointSeconds))));
        return services;
    }
}
