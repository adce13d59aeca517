using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Archive;
using SupportFlow.Common;

namespace SupportFlow.Data;

internal sealed class ArchiveRunConfiguration : IEntityTypeConfiguration<ArchiveRun>
{
    public void Configure(EntityTypeBuilder<ArchiveRun> run)
    {
        run.HasKey(r => r.Month);
        run.Property(r => r.Month).HasMaxLength(7);
        run.Property(r => r.ClaimedBy).HasMaxLength(200);
        run.Property(r => r.ManifestSha256).HasMaxLength(64);
    }
}

internal sealed class PurgeRecordConfiguration : IEntityTypeConfiguration<PurgeRecord>
{
    public void Configure(EntityTypeBuilder<PurgeRecord> purge)
    {
        purge.HasIndex(p => p.At);
        purge.Property(p => p.By).HasMaxLength(Limits.Login + 100);
        purge.Property(p => p.Before).HasMaxLength(7);
        purge.Property(p => p.Months).HasMaxLength(4000);
        purge.Property(p => p.FirstNumber).HasMaxLength(20);
        purge.Property(p => p.LastNumber).HasMaxLength(20);
    }
}
