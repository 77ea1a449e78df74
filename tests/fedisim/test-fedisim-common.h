/* test-fedisim-common.h: what the fedisim contract tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "fedisim-browser.h"

typedef struct
{
  FedisimWorld   *world;
  FedisimBrowser *browser;
} Fixture;

void           setup      (Fixture             *f,
                           gconstpointer        data);
void           teardown   (Fixture             *f,
                           gconstpointer        data);
FedisimServer *add_server (Fixture             *f,
                           FedisimFlavour       flavour,
                           const char          *version);
JsonNode      *call       (Fixture             *f,
                           FedisimServer       *server,
                           const char          *method,
                           const char          *path,
                           const char          *token,
                           const char          *form,
                           guint               *status,
                           SoupMessageHeaders **headers);
void           drop       (JsonNode            *node);
const char    *member     (JsonNode            *node,
                           const char          *name);
char          *account_id (Fixture             *f,
                           FedisimServer       *server,
                           const char          *token,
                           const char          *acct);
guint          json_array_len (JsonNode        *dump,
                               const char      *name);
gboolean       dump_has       (JsonNode        *dump,
                               const char      *list,
                               const char      *prefix);
