using FlowStudio.Engine;

namespace FlowStudio.Application.Alerts;

/// <summary>What saving a rule did: nothing found (the source or rule is gone), the problems with the request, or the saved rule.</summary>
internal sealed record AlertRuleChange(bool Found, AlertRuleView? Rule, IReadOnlyList<FieldError> Errors)
{
    public static readonly AlertRuleChange NotFound = new(false, null, []);

    public static AlertRuleChange Invalid(IReadOnlyList<FieldError> errors) => new(true, null, errors);

    public static AlertRuleChange Saved(AlertRuleView rule) => new(true, rule, []);
}
