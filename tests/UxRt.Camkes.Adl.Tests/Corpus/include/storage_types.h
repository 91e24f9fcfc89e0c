/* Types for Storage.idl4 (a procedure's include must name a header that exists). */
struct point { int x; int y; };
