using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SupportFlow.Common;
using SupportFlow.Data;

namespace SupportFlow.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a server:
/// <c>dotnet ef migrations add X --project src/SupportFlow.Migrations.Postgres</c> (see README.md beside this file).
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SupportFlowDbContext>
{
    public SupportFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SupportFlowDbContext>();
        DatabaseProviders.Configure(options, new SupportFlowOptions { Database = { Provider = DatabaseProviders.Postgres } },
            "Host=localhost;Database=supportflow_design_time");
        return new SupportFlowDbContext(options.Options);
    }
}
