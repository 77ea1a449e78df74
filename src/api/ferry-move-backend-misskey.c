/* ferry-move-backend-misskey.c: Misskey moves only from its own web session
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * i/move is `secure: true`: a third-party token gets ACCESS_DENIED (api-facts §8,
 * packages/backend/src/server/api/endpoints/i/move.ts), so both steps are handed to its
 * settings page (packages/frontend/src/pages/settings/migration.vue): one page, with a
 * "moveTo" (i/move) and a "moveFrom" (i/known-as) section; labels as in its en-US locale.
 * The alias shows in the actor, as the base class reads it.
 */

#define G_LOG_DOMAIN "ferry-move-backend"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-move-backend-misskey.h"
#include "ferry-web-pages.h"

struct _FerryMoveBackendMisskey
{
  FerryMoveBackend parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryMoveBackendMisskey, ferry_move_backend_misskey,
                     FERRY_TYPE_MOVE_BACKEND)

static FerryMoveWebStep *
misskey_web_step (FerryMoveBackend *self,
                  FerryMoveWebPage     page,
                  const char       *acct,
                  const char       *other_acct)
{
  const char *base = ferry_client_get_base_url (ferry_move_backend_get_client (self));
  char *copy;

  if (page == FERRY_MOVE_WEB_PAGE_REDIRECT)
    return NULL;
  copy = g_strdup_printf ("@%s", other_acct);
  return ferry_move_web_step_new (base, FERRY_PAGE_MISSKEY_MIGRATION, copy,
    page == FERRY_MOVE_WEB_PAGE_ALIAS
      ? g_strdup_printf (_("Signed in as %s, paste %s under “Move to this account from an older "
                           "account” and save it."), acct, copy)
      : g_strdup_printf (_("Signed in as %s, paste %s under “Move current account to new "
                           "account” and confirm."), acct, copy));
}

static void
ferry_move_backend_misskey_class_init (FerryMoveBackendMisskeyClass *klass)
{
  FerryMoveBackendClass *backend_class = FERRY_MOVE_BACKEND_CLASS (klass);

  backend_class->way = FERRY_MOVE_WAY_WEB_APP;
  backend_class->web_step = misskey_web_step;
}

static void
ferry_move_backend_misskey_init (FerryMoveBackendMisskey *self)
{
}
