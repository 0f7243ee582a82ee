// The whole grammar in one include: lexical tokens, expressions and
// statements (the rules), what they leave in the parse tree (actions), their
// error messages (errors) and the control class that raises them.
#pragma once

#include "actions.hpp"
#include "control.hpp"
#include "errors.hpp"
#include "expression.hpp"
#include "lexical.hpp"
#include "statements.hpp"
