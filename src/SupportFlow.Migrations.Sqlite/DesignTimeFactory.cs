using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SupportFlow.Common;
using SupportFlow.Data;

namespace SupportFlow.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model: <c>dotnet ef migrations add X --project src/SupportFlow.Migrations.Sqlite</c>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SupportFlowDbContext>
{
    public SupportFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SupportFlowDbContext>();
        DatabaseProviders.Configure(options, new SupportFlowOptions { DataDirectory = Path.GetTempPath() }, "Data Source=design-time.db");
        return new SupportFlowDbContext(options.Options);
    }
}
