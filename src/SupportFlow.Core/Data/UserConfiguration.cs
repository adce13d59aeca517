using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Routing;
using SupportFlow.Users;

namespace SupportFlow.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.HasIndex(u => u.Login).IsUnique();
        user.HasIndex(u => u.Email);
        user.Property(u => u.Login).HasMaxLength(Limits.Login);
        user.Property(u => u.Name).HasMaxLength(Limits.Name);
        user.Property(u => u.Email).HasMaxLength(Limits.Email);
        user.Property(u => u.Phone).HasMaxLength(Limits.Phone);
        user.Property(u => u.PasswordHash).HasMaxLength(200);
        user.Property(u => u.Language).HasMaxLength(8);
        user.Property(u => u.SecurityStamp).HasMaxLength(32);
        user.HasOne(u => u.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
        user.HasMany(u => u.Teams).WithMany(t => t.Members).UsingEntity("TeamMembers");
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> throttle)
    {
        throttle.HasKey(t => t.Login);
        throttle.Property(t => t.Login).HasMaxLength(Limits.Login);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.HasIndex(t => t.Hash).IsUnique();
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Name).HasMaxLength(Limits.Name);
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.HasIndex(d => d.Name).IsUnique();
        department.Property(d => d.Name).HasMaxLength(Limits.Name);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.HasIndex(t => t.Name).IsUnique();
        team.Property(t => t.Name).HasMaxLength(Limits.Name);
        team.Property(t => t.ChatUrl).HasMaxLength(Limits.Url);
        team.Property(t => t.ChatSecret).HasMaxLength(200);
        team.Ignore(t => t.Chat);
    }
}

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<Module>
{
    public void Configure(EntityTypeBuilder<Module> module)
    {
        module.HasIndex(m => m.Name).IsUnique();
        module.Property(m => m.Name).HasMaxLength(Limits.Name);
        module.Property(m => m.Category).HasMaxLength(Limits.Name);
        module.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CategoryRouteConfiguration : IEntityTypeConfiguration<CategoryRoute>
{
    public void Configure(EntityTypeBuilder<CategoryRoute> route)
    {
        route.HasKey(r => r.Category);
        route.Property(r => r.Category).HasMaxLength(Limits.Name);
        route.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
