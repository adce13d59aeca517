using Microsoft.EntityFrameworkCore;
using SupportFlow.Routing;
using SupportFlow.Search;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Data;

/// <summary>The one DbContext. Mappings live in the <c>*Configuration</c> classes beside it.</summary>
public sealed class SupportFlowDbContext(DbContextOptions<SupportFlowDbContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<TicketDayCounter> TicketDayCounters => Set<TicketDayCounter>();

    public DbSet<User> Users => Set<User>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Module> Modules => Set<Module>();

    public DbSet<ModuleVendorContact> ModuleVendorContacts => Set<ModuleVendorContact>();

    public DbSet<Sla.StoredSlaPolicy> SlaPolicies => Set<Sla.StoredSlaPolicy>();

    public DbSet<Sla.StoredWorkingWeek> CalendarWorkingWeek => Set<Sla.StoredWorkingWeek>();

    public DbSet<Sla.CalendarDay> CalendarDays => Set<Sla.CalendarDay>();

    public DbSet<Sla.StoredSlaEscalation> SlaEscalations => Set<Sla.StoredSlaEscalation>();

    public DbSet<TicketSlaEvent> TicketSlaEvents => Set<TicketSlaEvent>();

    public DbSet<TicketEscalation> TicketEscalations => Set<TicketEscalation>();

    public DbSet<CategoryRoute> CategoryRoutes => Set<CategoryRoute>();

    public DbSet<Notifications.OutboxMessage> Outbox => Set<Notifications.OutboxMessage>();

    public DbSet<Notifications.NotificationTemplate> NotificationTemplates => Set<Notifications.NotificationTemplate>();
    public DbSet<Archive.ArchiveRun> ArchiveRuns => Set<Archive.ArchiveRun>();

    public DbSet<Archive.PurgeRecord> PurgeRecords => Set<Archive.PurgeRecord>();
    public DbSet<Reviews.Review> Reviews => Set<Reviews.Review>();

    public DbSet<Reviews.ReviewTicket> ReviewTickets => Set<Reviews.ReviewTicket>();

    public DbSet<Reviews.PreventiveAction> PreventiveActions => Set<Reviews.PreventiveAction>();

    public DbSet<Reviews.ReviewReminder> ReviewReminders => Set<Reviews.ReviewReminder>();

    public DbSet<Reviews.CauseCategory> CauseCategories => Set<Reviews.CauseCategory>();

    public DbSet<Knowledge.Article> Articles => Set<Knowledge.Article>();

    public DbSet<Knowledge.ArticleVersion> ArticleVersions => Set<Knowledge.ArticleVersion>();

    public DbSet<Knowledge.Deflection> Deflections => Set<Knowledge.Deflection>();
    public DbSet<Intake.Mailbox> Mailboxes => Set<Intake.Mailbox>();

    public DbSet<Intake.InboundMessage> InboundMessages => Set<Intake.InboundMessage>();

    public DbSet<Intake.ChatChannel> ChatChannels => Set<Intake.ChatChannel>();

    public DbSet<Intake.ChatIdentity> ChatIdentities => Set<Intake.ChatIdentity>();

    public DbSet<TicketSearchDocument> TicketSearch => Set<TicketSearchDocument>();

    public DbSet<Recurring.TicketLink> TicketLinks => Set<Recurring.TicketLink>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        DatabaseProviders.ConfigureConventions(Database, configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Sla.SlaTarget>().HaveConversion<SlaTargetConverter>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SupportFlowDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        HistoryIsAppendOnly();
        TicketSearchIndexing.Apply(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        HistoryIsAppendOnly();
        await TicketSearchIndexing.ApplyAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>History is evidence: a change that would edit or delete a line is a bug, so it fails loudly.</summary>
    private void HistoryIsAppendOnly()
    {
        if (ChangeTracker.Entries<TicketHistoryEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Ticket history is append-only: lines are never edited or deleted.");
        }

        if (ChangeTracker.Entries<Knowledge.ArticleVersion>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Article versions are kept as written: a new version is added instead.");
        }
    }
}
