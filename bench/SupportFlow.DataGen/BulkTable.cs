using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SupportFlow.DataGen;

/// <summary>
/// Writes entities of one type as rows with a reused prepared INSERT, taking the columns, the
/// value converters (enums as text, UTC ticks on SQLite, SLA targets) and owned types from the
/// EF Core model, so the rows are exactly what the server itself would have stored.
/// </summary>
public sealed class BulkTable
{
    private readonly List<(string Column, Func<object, object?> Value)> _columns = [];
    private readonly DbCommand _insert;

    public BulkTable(DbContext db, DbConnection connection, Type clrType)
    {
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType} is not mapped.");
        foreach (var property in type.GetProperties())
        {
            _columns.Add((property.GetColumnName(), Reader(property, e => e)));
        }

        foreach (var owned in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var getOwner = owned.GetGetter();
            foreach (var property in owned.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                _columns.Add((property.GetColumnName(), Reader(property, e => getOwner.GetClrValue(e)!)));
            }
        }

        Table = type.GetTableName()!;
        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) "
            + $"VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < _columns.Count; i++)
        {
            var parameter = _insert.CreateParameter();
            parameter.ParameterName = "@p" + i;
            _insert.Parameters.Add(parameter);
        }
    }

    public string Table { get; }

    public long Rows { get; private set; }

    public void Insert(object entity, DbTransaction transaction)
    {
        _insert.Transaction = transaction;
        for (var i = 0; i < _columns.Count; i++)
        {
            _insert.Parameters[i].Value = _columns[i].Value(entity) ?? DBNull.Value;
        }

        _insert.ExecuteNonQuery();
        Rows++;
    }

    private static Func<object, object?> Reader(IProperty property, Func<object, object> owner)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return converter is null
            ? e => getter.GetClrValue(owner(e))
            : e => getter.GetClrValue(owner(e)) is { } value ? converter.ConvertToProvider(value) : null;
    }

    /// <summary>Sets a property with a private setter (ids and foreign keys the database would have filled in).</summary>
    public static void Set<T>(object entity, string name, T value) =>
        Setters.GetOrAdd((entity.GetType(), name), key =>
                key.Type.GetProperty(key.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{key.Type.Name}.{key.Name} does not exist."))
            .SetValue(entity, value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, string Name), PropertyInfo> Setters = new();
}
