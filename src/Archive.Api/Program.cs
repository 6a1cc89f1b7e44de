using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Api;
using Archive.Api.Documents;
using Archive.Api.Dossiers;
using Archive.Api.ChangeFeed;
using Archive.Api.Infrastructure;
using Archive.Api.Search;
using Archive.Api.Importing.Syncing;
using Archive.Api.Webhooks;
using Archive.Api.Transparency;
using Archive.Api.Following;
using Archive.Api.Originals;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Marten;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection("Archive").Get<ArchiveOptions>() ?? new ArchiveOptions();
builder.Services.Configure<ArchiveOptions>(builder.Configuration.GetSection("Archive"));
builder.Services.PostConfigure<ArchiveOptions>(o => o.ApiKey ??= GeneratedApiKey.Value);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ILogger<IDocumentStore>, MartenLog>();
builder.Logging.QuietRetriedWrites();
if (QuietConsole.IsCommand(args))
{
    // A command's output is its own: the host's log says only what went wrong, and on standard error.
    // (A rule added last wins over appsettings' Default; SetMinimumLevel would not.)
    builder.Logging.AddFilter(level => level >= LogLevel.Warning);
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

var connectionString = builder.Configuration.GetConnectionString("Archive");
// A witness, and the check of an evidence bundle, work offline: no database is started for them.
var offline = args is ["witness", ..] || (args is ["verify", ..] && args.Contains("--bundle"));
if (string.IsNullOrWhiteSpace(connectionString))
    connectionString = offline ? "Host=offline.invalid" : PrivatePostgres.StartOrJoin(options.PrivatePostgresDirectory).ConnectionString;
try
{
    connectionString = ConnectionDefaults.Apply(connectionString);
}
catch (ArgumentException e)
{
    // Read here before anything else uses it: a string that cannot be read ends the start in one line, not a stack trace.
    Console.Error.WriteLine($"ConnectionStrings:Archive cannot be read: {e.Message}");
    return 1;
}

builder.Services.AddMarten(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = "archive";
        opts.ConfigureDocuments();
        opts.ConfigureDossiers();
        opts.ConfigureSyncing();
        opts.ConfigureChangeFeed();
        opts.ConfigureSearch();
        opts.ConfigureWebhooks();
        opts.ConfigureTransparencyLog();
        opts.ConfigureFollows();
        opts.ConfigureOriginals();
    })
    // Solo on one machine; HotCold on several, so that one node runs the change feed's fan-out and the others stand by.
    .AddAsyncDaemon(builder.Configuration["Archive:DaemonMode"] == "HotCold" ? DaemonMode.HotCold : DaemonMode.Solo)
    .UseLightweightSessions()
    .IntegrateWithWolverine();

builder.Services.CritterStackDefaults(x =>
{
    // Production creates no schema by itself: migrations/ (or db-apply) does.
    x.Production.ResourceAutoCreate = AutoCreate.None;
    x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
    // Handler and endpoint code is generated ahead (scripts/codegen, into Internal/Generated) and
    // compiled with the Archive, so no process loads Roslyn to compile it at start: that was 190 MB
    // and a second of every `import`. A handler without pre-generated code is still compiled at start.
    x.Production.GeneratedCodeMode = TypeLoadMode.Auto;
    x.Development.GeneratedCodeMode = TypeLoadMode.Auto;
});

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.RetryConflictingWrites();
    // The import command runs the same handlers in its own process, and nothing else: no inbox, no
    // outbox, no node of its own among the servers' (it starts Wolverine's runtime alone, not the host).
    if (args is ["import", ..]) opts.Durability.Mode = DurabilityMode.MediatorOnly;
    opts.PublishChangesToRabbitMq(builder.Configuration);
    opts.DeliverWebhooksInOrder();
    opts.MailFollowsInOrder();
});
builder.Services.AddWolverineHttp();
builder.Services.AddSyncing();
builder.Services.AddWebhooks();
builder.Services.AddChangeFeed(builder.Configuration);
builder.Services.AddTransparencyLog(builder.Configuration);
builder.Services.AddFollows(builder.Configuration);
builder.Services.AddOriginals();
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<InputExceptionHandler>();
builder.Services.AddOptions<ArchiveOptions>().Validate(o => o.PublicBaseUrlProblem() is null, "Archive:PublicBaseUrl must be an absolute http(s) URL such as https://archief.example").ValidateOnStart();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.UseRouteIdentifiers();
app.MapWolverineEndpoints(o => o.RejectUnparseableQueryValues = true);
app.MapRazorPages();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));

QuietConsole.Install();
// Marten gives each projection of a rebuild 5 minutes unless told otherwise; a million events take
// longer than that (scripts/bench-rebuild), so a rebuild gets two hours per projection by default.
return await app.RunJasperFxCommands(args is ["projections", ..] && !args.Contains("--shard-timeout") ? [.. args, "--shard-timeout", "2h"] : args);

public partial class Program;

/// <summary>Used when no Archive:ApiKey is configured: a fresh key per process, printed at start.</summary>
static class GeneratedApiKey
{
    public static readonly string Value = "ak_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
