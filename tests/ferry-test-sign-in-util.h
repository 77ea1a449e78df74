/* ferry-test-sign-in-util.h: the fixture and the scripted person that the sign-in tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "fedisim-browser.h"
#include "ferry-memory-store.h"
#include "ferry-sign-in.h"
#include "ferry-tls-database.h"

G_BEGIN_DECLS

/* A world, its browser, a secret store in memory and trust in the world's CA; sign_in()
 * drives Ferry's sign-in with the browser in the person's place. */
typedef struct
{
  FedisimWorld     *world;
  FedisimBrowser   *browser;
  FerrySecretStore *store;
  GTlsDatabase     *trust;
  const char       *username;
  const char       *password;
  gboolean          forge_first;
  gboolean          ignore_first;   /* the browser never comes back from the first page */
  FerrySignIn      *job;
  char             *forged_page;
  char             *last_page;      /* what the listener showed the browser */
  GPtrArray        *opened;         /* every URL Ferry asked to open */
  GPtrArray        *sent_to;        /* every place the server sent the browser with a code */
} Fixture;

void          setup        (Fixture       *f,
                            gconstpointer  data);
void          teardown     (Fixture       *f,
                            gconstpointer  data);
/* No wait without end: a result within @seconds, or the test fails. */
void          await_result (GAsyncResult **slot,
                            guint          seconds);
char         *query_param  (const char    *url,
                            const char    *name);
void          got_result   (GObject       *object,
                            GAsyncResult  *result,
                            gpointer       user_data);
FerryAccount *sign_in_with (Fixture       *f,
                            FerrySignIn   *job,
                            const char    *username,
                            const char    *password,
                            GError       **error);
FerryAccount *sign_in      (Fixture       *f,
                            FedisimServer *server,
                            FerryRole      role,
                            const char    *username,
                            const char    *password,
                            gboolean       paste,
                            gboolean       force_login,
                            GError       **error);
char         *stored_token (Fixture       *f,
                            const char    *key);

G_END_DECLS
