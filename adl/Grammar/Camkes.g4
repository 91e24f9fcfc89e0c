// The CAmkES architecture description language (camkes-tool 3.x syntax).
// The C preprocessor runs before this grammar sees the text; directives never reach the lexer.
// Regenerate the C# parser with adl/Grammar/regenerate.sh after editing this file.
grammar Camkes;

specification : definition* EOF ;

definition
    : importDecl
    | includeDecl
    | procedureDecl
    | structDecl
    | componentDecl
    | connectorDecl
    | assemblyDecl
    | compositionDecl
    | configurationDecl
    | SEMI
    ;

// import "relative/file.camkes";   import <searched.camkes>;
importDecl : IMPORT importPath SEMI ;
importPath : STRING | LT ~GT+ GT ;

// include "header.h";  (a C header for the procedure's types)
includeDecl : INCLUDE importPath SEMI ;

// ---- procedures -----------------------------------------------------------------------------

// CAmkES also accepts anonymous top-level procedures, components and connectors (nothing can
// refer to them, so they are parsed and dropped).
procedureDecl : PROCEDURE_KW name? LBRACE procedureItem* RBRACE SEMI? ;

procedureItem
    : methodDecl
    | includeDecl
    | attributeDecl
    ;

methodDecl : returnType name LPAREN parameterList? RPAREN SEMI ;

returnType : VOID | typeName ;

parameterList
    : VOID
    | parameter (COMMA parameter)* COMMA?
    ;

parameter : direction? typeName name arraySuffix? ;

direction : IN | OUT | INOUT | REFIN ;

arraySuffix : LBRACK RBRACK ;

// C type names: `int`, `unsigned int`, `unsigned`, `int64_t`, `struct S`, `string`, or a user type.
// An anonymous struct is written `struct { ... }` or, as CAmkES also accepts, just `{ ... }`.
typeName
    : STRUCT name                              # structTypeName
    | STRUCT? LBRACE structField* RBRACE       # inlineStructTypeName
    | name+                                    # plainTypeName
    ;

// ---- structs ----------------------------------------------------------------------------------

structDecl : STRUCT name LBRACE structField* RBRACE SEMI? ;

structField : typeName name (LBRACK expression? RBRACK)? (EQ value)? SEMI ;

// ---- components -----------------------------------------------------------------------------

componentDecl : COMPONENT name? componentBody SEMI? ;

componentBody : LBRACE componentItem* RBRACE ;

componentItem
    : CONTROL SEMI                                              # controlItem
    | HARDWARE SEMI                                             # hardwareItem
    | PROVIDES name name SEMI                                   # providesItem
    | MAYBE? USES name name SEMI                                # usesItem
    | EMITS name name SEMI                                      # emitsItem
    | MAYBE? CONSUMES name name SEMI                            # consumesItem
    | MAYBE? DATAPORT dataportType name SEMI                    # dataportItem
    | HAS synchronisationKind name SEMI                         # hasItem
    | attributeDecl                                             # attributeItem
    | compositionDecl                                           # nestedCompositionItem
    | configurationDecl                                         # nestedConfigurationItem
    | COMPOSITION name SEMI                                     # compositionReferenceItem
    | CONFIGURATION name SEMI                                   # configurationReferenceItem
    | includeDecl                                               # componentIncludeItem
    ;

dataportType : typeName (LPAREN expression RPAREN)? ;

synchronisationKind : MUTEX | SEMAPHORE | BINARY_SEMAPHORE ;

attributeDecl : ATTRIBUTE typeName name arraySuffix? (EQ value)? SEMI ;

// ---- connectors -----------------------------------------------------------------------------

connectorDecl : CONNECTOR name? LBRACE connectorItem* RBRACE SEMI? ;

connectorItem
    : connectorEndKeyword HARDWARE? connectorEndType connectorEndProperty* SEMI   # connectorEndItem
    | attributeDecl                                                             # connectorAttributeItem
    ;

// `with N threads` (or `thread`) and the legacy `template "file"`, in either order.
connectorEndProperty
    : WITH expression (THREAD | THREADS)       # threadsProperty
    | TEMPLATE STRING+                         # templateProperty
    ;

connectorEndKeyword : FROM | TO ;

connectorEndType : PROCEDURE | PROCEDURES | EVENT | EVENTS | DATAPORT_KIND | DATAPORTS ;

// ---- assemblies -----------------------------------------------------------------------------

assemblyDecl : ASSEMBLY name? LBRACE assemblyItem* RBRACE SEMI? ;

assemblyItem
    : compositionDecl                          # assemblyCompositionItem
    | configurationDecl                        # assemblyConfigurationItem
    | COMPOSITION name SEMI                    # assemblyCompositionReference
    | CONFIGURATION name SEMI                  # assemblyConfigurationReference
    | SCHEDULE LBRACE LBRACK scheduleItem (COMMA scheduleItem)* COMMA? RBRACK RBRACE SEMI?   # assemblyScheduleItem
    ;

// seL4's domain schedule: `(domain, length)` pairs, the length in `ticks` (default) or `us`.
scheduleItem : LPAREN expression COMMA expression name? RPAREN ;

compositionDecl : COMPOSITION name? LBRACE compositionItem* RBRACE SEMI? ;

compositionItem
    : instanceDecl                                                               # instanceItem
    | GROUP name? LBRACE instanceDecl* RBRACE SEMI?                              # groupItem
    | CONNECTION connectorReference name LPAREN (connectionEnd (COMMA connectionEnd)* COMMA?)? RPAREN SEMI   # connectionItem
    | EXPORT qualifiedName ARROW name SEMI                                        # exportItem
    ;

// `component Type name;`, or CAmkES's anonymous `component { ... } name;`.
instanceDecl : COMPONENT (name | componentBody) name SEMI ;

// A connector by name, or CAmkES's anonymous `connection { from ...; to ...; } name(...)`.
connectorReference : name | LBRACE connectorItem* RBRACE ;

connectionEnd : connectorEndKeyword qualifiedName ;

configurationDecl : CONFIGURATION name? LBRACE setting* RBRACE SEMI? ;

setting
    : qualifiedName EQ value SEMI                                  # assignSetting
    | qualifiedName LARROW qualifiedName (LBRACK value RBRACK)* SEMI   # referenceSetting
    ;

qualifiedName : name (DOT name)* ;

// ---- values ---------------------------------------------------------------------------------

value
    : STRING+                                        # stringValue
    | LBRACK (value (COMMA value)* COMMA?)? RBRACK   # listValue
    | LBRACE (dictEntry (COMMA dictEntry)* COMMA?)? RBRACE  # dictValue
    | name LPAREN value? RPAREN (LBRACK value RBRACK)*   # queryValue
    | expression                                     # expressionValue
    ;

dictEntry : dictKey COLON value ;

dictKey : STRING+ | expression ;

// C integer expressions. ANTLR gives earlier alternatives higher precedence, so the operators
// are listed from the tightest binding (unary) to the loosest (?:), as in C.
expression
    : LPAREN expression RPAREN                            # parenthesizedExpression
    | INTEGER                                             # integerLiteral
    | FLOAT                                               # floatLiteral
    | (TRUE | FALSE)                                      # booleanLiteral
    | qualifiedName                                       # nameReference
    | (MINUS | PLUS | TILDE | BANG) expression            # unaryExpression
    | <assoc=right> expression POW expression             # binaryExpression
    | expression (STAR | SLASH | PERCENT) expression      # binaryExpression
    | expression (PLUS | MINUS) expression                # binaryExpression
    | expression (SHL | SHR) expression                   # binaryExpression
    | expression (LT | GT | LE | GE) expression           # binaryExpression
    | expression (EQEQ | NOTEQ) expression                # binaryExpression
    | expression AMP expression                           # binaryExpression
    | expression CARET expression                         # binaryExpression
    | expression PIPE expression                          # binaryExpression
    | expression ANDAND expression                        # binaryExpression
    | expression OROR expression                          # binaryExpression
    | <assoc=right> expression QUESTION expression COLON expression    # conditionalExpression
    ;

// Contextual keywords may still be used as names where the grammar is unambiguous.
name
    : IDENTIFIER
    | PROCEDURE | EVENT | DATAPORT_KIND | PROCEDURES | EVENTS | DATAPORTS | THREAD | THREADS | WITH | GROUP | EXPORT | TEMPLATE
    | SCHEDULE
    ;

// ---- lexer ----------------------------------------------------------------------------------

IMPORT : 'import' ;
INCLUDE : 'include' ;
PROCEDURE_KW : 'procedure' ;
COMPONENT : 'component' ;
CONNECTOR : 'connector' ;
ASSEMBLY : 'assembly' ;
COMPOSITION : 'composition' ;
CONFIGURATION : 'configuration' ;
CONNECTION : 'connection' ;
GROUP : 'group' ;
EXPORT : 'export' ;
CONTROL : 'control' ;
HARDWARE : 'hardware' ;
PROVIDES : 'provides' ;
USES : 'uses' ;
EMITS : 'emits' ;
CONSUMES : 'consumes' ;
DATAPORT : 'dataport' ;
MAYBE : 'maybe' ;
HAS : 'has' ;
MUTEX : 'mutex' ;
SEMAPHORE : 'semaphore' ;
BINARY_SEMAPHORE : 'binary_semaphore' ;
ATTRIBUTE : 'attribute' ;
STRUCT : 'struct' ;
VOID : 'void' ;
IN : 'in' ;
OUT : 'out' ;
INOUT : 'inout' ;
REFIN : 'refin' ;
FROM : 'from' ;
TO : 'to' ;
WITH : 'with' ;
THREADS : 'threads' ;
THREAD : 'thread' ;
TEMPLATE : 'template' ;
SCHEDULE : 'schedule' ;
PROCEDURE : 'Procedure' ;
PROCEDURES : 'Procedures' ;
EVENT : 'Event' ;
EVENTS : 'Events' ;
DATAPORT_KIND : 'Dataport' ;
DATAPORTS : 'Dataports' ;
TRUE : 'true' | 'True' ;
FALSE : 'false' | 'False' ;

LARROW : '<-' ;
POW : '**' ;
ARROW : '->' ;
SHL : '<<' ;
SHR : '>>' ;
LE : '<=' ;
GE : '>=' ;
EQEQ : '==' ;
NOTEQ : '!=' ;
ANDAND : '&&' ;
OROR : '||' ;
LT : '<' ;
GT : '>' ;
EQ : '=' ;
SEMI : ';' ;
COMMA : ',' ;
DOT : '.' ;
COLON : ':' ;
QUESTION : '?' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
AMP : '&' ;
PIPE : '|' ;
CARET : '^' ;
TILDE : '~' ;
BANG : '!' ;

FLOAT : [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? ;
INTEGER : ('0' [xX] [0-9a-fA-F]+ | [0-9]+) [uUlL]* ;
STRING : '"' ~["]* '"' ;
IDENTIFIER : [a-zA-Z_] [a-zA-Z_0-9]* ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WHITESPACE : [ \t\r\n\f]+ -> skip ;

// Anything else is reported by the parser as an unexpected character, with its position.
UNEXPECTED : . ;
