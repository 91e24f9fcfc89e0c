namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>
/// Every diagnostic the front end can report. IDs are stable: never renumber, only append.
/// </summary>
public static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "ADL0001", "Syntax error", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownName = new(
        "ADL0002", "Unknown name", "{0} '{1}' is not defined", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateDefinition = new(
        "ADL0003", "Duplicate definition", "{0} '{1}' is already defined at {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ImportNotFound = new(
        "ADL0004", "Import not found", "cannot find imported file '{0}'", DiagnosticSeverity.Error);

    // ADL0005 (recursive import) is retired: CAmkES skips a file already read, and so do we.

    public static readonly DiagnosticDescriptor NoAssembly = new(
        "ADL0006", "No assembly", "the specification has no assembly", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownInterface = new(
        "ADL0007", "Unknown interface", "instance '{0}' (component {1}) has no interface '{2}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EndKindNotAllowed = new(
        "ADL0008", "Connection end not allowed by connector", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConflictingInterfaceTypes = new(
        "ADL0009", "Conflicting interface types", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TooManyEnds = new(
        "ADL0010", "Too many connection ends", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InterfaceConnectedTwice = new(
        "ADL0011", "Interface used by two connections", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnconnectedInterface = new(
        "ADL0012", "Interface left unconnected", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ControlWithHardware = new(
        "ADL0013", "Control in a hardware component", "component '{0}' is hardware and cannot have a control thread", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateParameter = new(
        "ADL0014", "Duplicate parameter", "method '{0}' has two parameters named '{1}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AttributeTypeMismatch = new(
        "ADL0015", "Attribute value of the wrong type", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownSettingTarget = new(
        "ADL0016", "Setting on an unknown instance or attribute", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSettingValue = new(
        "ADL0017", "Invalid setting value", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferenceLoop = new(
        "ADL0018", "Setting reference loop", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SynchronousCallCycle = new(
        "ADL0019", "Cycle of synchronous calls", "{0}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PreprocessorError = new(
        "ADL0020", "Preprocessor error", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "ADL0021", "Unsupported construct", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PreprocessorWarning = new(
        "ADL0022", "Preprocessor warning", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingConnectionEnd = new(
        "ADL0023", "Connection without an end on one side", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidExport = new(
        "ADL0024", "Invalid export", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RecursiveComponent = new(
        "ADL0025", "Component contains itself", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DirectCallAcrossGroups = new(
        "ADL0026", "Direct call outside one group", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MixedThreading = new(
        "ADL0027", "Instances of one component differ in threading", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CKeywordName = new(
        "ADL0028", "C keyword as a name", "{0} is a C keyword; CAmkES's generated C could not declare it", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoInstances = new(
        "ADL0029", "Assembly without instances", "the assembly declares no instances", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMigratableSetting = new(
        "ADL0030", "Invalid migratable setting", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MigratableWithoutEffect = new(
        "ADL0031", "Migratable setting without effect", "{0}", DiagnosticSeverity.Warning);

    // ADL004x: bounds that keep hostile input from stalling the front end (issue 20; see FrontEndLimits).
    public static readonly DiagnosticDescriptor LimitExceeded = new(
        "ADL0040", "Input over a front-end limit", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotARegularFile = new(
        "ADL0041", "Not a regular file", "{0}", DiagnosticSeverity.Error);

    // ADL01xx: problems found while generating code rather than in the spec itself.
    public static readonly DiagnosticDescriptor UnknownTemplate = new(
        "ADL0100", "User template replaces nothing", "{0}", DiagnosticSeverity.Warning);

    // ADL032x: what needs an interface thread of its own (issue 10).
    public static readonly DiagnosticDescriptor NoInterfaceThreadToBind = new(
        "ADL0320", "No interface thread to bind the notification to", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ThreadsWithoutEffect = new(
        "ADL0321", "Interface threads without effect", "{0}", DiagnosticSeverity.Warning);

    // ADL033x: placement of instances on nodes (issue 13).
    public static readonly DiagnosticDescriptor InvalidNodeSetting = new(
        "ADL0330", "Invalid node setting", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConnectionAcrossNodes = new(
        "ADL0331", "Placement splits what cannot cross nodes", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HardwareMoved = new(
        "ADL0332", "Hardware component cannot move", "{0}", DiagnosticSeverity.Error);

    // Reported by the source generator, which knows whether the compilation references UxRt.Camkes.Remote.
    public static readonly DiagnosticDescriptor NodesWithoutRemote = new(
        "ADL0333", "Nodes cannot run as separate processes", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConnectionNotCarried = new(
        "ADL0334", "Connection cannot be carried between nodes", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = new(
        "ADL0999", "Internal error", "internal error in the ADL front end: {0}", DiagnosticSeverity.Error);

    // ADL02xx: the UX/RT transport (uxrt-transport.camkes).
    public static readonly DiagnosticDescriptor InvalidTransportPath = new(
        "ADL0200", "Invalid transport path", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateTransportPath = new(
        "ADL0201", "Duplicate transport path", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TransportConnectorMismatch = new(
        "ADL0202", "Transport procedure and connector do not match", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTransportSetting = new(
        "ADL0203", "Invalid transport setting", "{0}", DiagnosticSeverity.Error);

    // ADL03xx: problems found while generating code (issue 10); the compiler's tests exercise them.
    public static readonly DiagnosticDescriptor RenamedMember = new(
        "ADL0300", "Generated member renamed", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingConnectorTemplates = new(
        "ADL0301", "User-defined connector without templates", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TemplateFailed = new(
        "ADL0302", "Template error", "{0}", DiagnosticSeverity.Error);

    // ADL031x: spec problems added with issue 10, exercised by the corpus.
    // A warning, never an error: CAmkES does not read the header while it checks a spec (only the C
    // compiler does), so real apps (rotate, picoserver) leave it out of what the spec tool sees.
    public static readonly DiagnosticDescriptor IncludedHeaderNotFound = new(
        "ADL0310", "Included header not found", "cannot find header '{0}' that procedure '{1}' includes; it is not needed unless its C types are used", DiagnosticSeverity.Warning);

    // Reported by the source generator, from the project's CamkesRoot property (issue 22).
    public static readonly DiagnosticDescriptor RootNotFound = new(
        "ADL0101", "CamkesRoot names no spec", "CamkesRoot names '{0}', which is not a spec file of the project", DiagnosticSeverity.Error);

    // A user's connector catalog file (connectors/X/connector.catalog under CamkesTemplatePath; issue 23).
    public static readonly DiagnosticDescriptor InvalidCatalogEntry = new(
        "ADL0103", "Invalid connector catalog entry", "{0}", DiagnosticSeverity.Error);

    // Reported by the source generator, which looks the spec's pass-through type names up in the compilation (issue 22).
    public static readonly DiagnosticDescriptor UnknownUserType = new(
        "ADL0102", "Type the project does not declare", "type '{0}' is neither a C type the spec maps nor a type the project declares (looked up from namespace {1}); declare it in C#, or use a C type", DiagnosticSeverity.Error);
}
