/* ferry-test-backup-util.h: the server, the backup and its files that the backup tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fedisim.h"
#include "ferry-backup.h"

G_BEGIN_DECLS

/* One server with "alice" (password "pw") and her token, a client for her whose waits move the
 * world's virtual clock, and a temporary folder the backups go into. */
typedef struct
{
  FedisimWorld   *world;
  FedisimServer  *server;
  FerryClient    *client;
  GTlsDatabase   *trust;
  char           *token;
  char           *tmpdir;
  guint           commits_before_cancel;
  GCancellable   *cancellable;
} Fixture;

/* Not a g_test_add() setup: each test calls it with the server it needs. */
void        setup_server   (Fixture           *f,
                            FedisimFlavour     flavour,
                            const char        *version,
                            const char        *fixture);
void        teardown       (Fixture           *f,
                            gconstpointer      data);
/* Runs a backup into @subdir; cancels it after @cancel_after categories' pages (0: never). */
gboolean    run_backup     (Fixture           *f,
                            const char        *subdir,
                            FerryBackupFlags   flags,
                            guint              cancel_after,
                            GError           **error);
char       *read_file      (Fixture           *f,
                            const char        *subdir,
                            const char        *name);
JsonObject *read_manifest  (Fixture           *f,
                            const char        *subdir);
gint64      category_count (JsonObject        *manifest,
                            const char        *name);
const char *category_state (JsonObject        *manifest,
                            const char        *name);

G_END_DECLS
