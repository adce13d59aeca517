using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Knowledge;

namespace SupportFlow.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Title).HasMaxLength(Limits.Title);
        article.Property(a => a.Body).HasMaxLength(Limits.ArticleBody);
        article.Property(a => a.CreatedBy).HasMaxLength(Limits.Login);
        article.Property(a => a.UpdatedBy).HasMaxLength(Limits.Login);
        article.Property(a => a.CurrentVersion).IsConcurrencyToken();
        article.Ignore(a => a.Content);
        article.HasOne<Reviews.Review>().WithMany().HasForeignKey(a => a.SourceReviewId).OnDelete(DeleteBehavior.Restrict);
        article.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Restrict);
        article.Navigation(a => a.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        article.HasIndex(a => new { a.Audience, a.UpdatedAt });
    }
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> version)
    {
        version.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
        version.Property(v => v.Title).HasMaxLength(Limits.Title);
        version.Property(v => v.Body).HasMaxLength(Limits.ArticleBody);
        version.Property(v => v.AuthorLogin).HasMaxLength(Limits.Login);
        version.Property(v => v.AuthorName).HasMaxLength(Limits.Name);
        version.Property(v => v.Note).HasMaxLength(Limits.Reason);
        version.Ignore(v => v.Content);
    }
}

internal sealed class DeflectionConfiguration : IEntityTypeConfiguration<Deflection>
{
    public void Configure(EntityTypeBuilder<Deflection> deflection)
    {
        deflection.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Restrict);
        deflection.HasOne<Users.User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        deflection.Property(d => d.Text).HasMaxLength(Limits.Title);
        deflection.HasIndex(d => new { d.ArticleId, d.At });
    }
}
