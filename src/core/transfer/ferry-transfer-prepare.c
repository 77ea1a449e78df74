/* ferry-transfer-prepare.c: before a transfer starts: the new account and its server, the
 * backup's items with what the journal knows of them, the limits, the plan
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: the journal's records of the backup's items.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-web-pages.h"
#include "ferry-transfer-private.h"

typedef struct
{
  GPtrArray *items;
  char      *dir;
  GStrv      only;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data->dir);
  g_strfreev (data->only);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  GPtrArray *items =
    ferry_transfer_load_items (data->dir, (const char *const *) data->only, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
version_at_least (const char *version,
                  guint       major,
                  guint       minor)
{
  guint64 a = 0, b = 0;
  g_auto(GStrv) parts = g_strsplit (version ? version : "0", ".", 3);

  g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, &a, NULL);
  if (parts[0] && parts[1])
    g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &b, NULL);
  return a > major || (a == major && b >= minor);
}

gboolean
ferry_transfer_is_gotosocial (FerryTransfer *self)
{
  return self->info != NULL
         && g_strcmp0 (ferry_server_info_get_software (self->info), "gotosocial") == 0;
}

gboolean
ferry_transfer_version_at_least (FerryTransfer *self,
                                 guint          major,
                                 guint          minor)
{
  return self->info != NULL
         && version_at_least (ferry_server_info_get_version (self->info), major, minor);
}

static guint
count_op (FerryTransfer *self,
          Op             op,
          gboolean       pending_only)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      n += item->op == op && (!pending_only || item->state == ITEM_PENDING);
    }
  return n;
}

/* GoToSocial: follows, blocks (and mutes from 0.19) in one import each (api-facts §8). */
static void
add_imports (FerryTransfer *self)
{
  static const struct { Op op; const char *type; guint minor; } kinds[] = {
    { OP_FOLLOW, "following", 17 },
    { OP_BLOCK, "blocks", 17 },
    { OP_MUTE, "mutes", 19 },
  };

  if (!ferry_server_info_has_import_api (self->info) ||
      g_strcmp0 (ferry_server_info_get_software (self->info), "gotosocial") != 0)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Item *import;
      guint n = self->items->len;

      if (!version_at_least (ferry_server_info_get_version (self->info), 0, kinds[k].minor))
        continue;
      import = g_new0 (Item, 1);
      import->op = OP_IMPORT;
      import->target = g_strdup (kinds[k].type);
      import->key = g_strconcat ("import:", kinds[k].type, NULL);
      import->data = json_object_new ();
      import->members = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->op != kinds[k].op || item->state != ITEM_PENDING)
            continue;
          /* The import mutes for ever and overwrites a mute's expiry (GoToSocial's
           * MuteCreate): an expiring mute goes through the API, after the import. */
          if (item->op == OP_MUTE
              && ferry_transfer_string_member (item->data, "expires_at") != NULL)
            {
              item->after = import;
              if (import->dependents == NULL)
                import->dependents = g_ptr_array_new ();
              g_ptr_array_add (import->dependents, item);
              continue;
            }
          import->cat = item->cat;
          item->in_import = TRUE;
          g_ptr_array_add (import->members, item);
        }
      if (import->members->len == 0)
        {
          for (guint i = 0; import->dependents && i < import->dependents->len; i++)
            ((Item *) g_ptr_array_index (import->dependents, i))->after = NULL;
          ferry_transfer_item_free (import);
          continue;
        }
      {
        JsonObject *record = ferry_transfer_journal_lookup (self->journal, import->key);

        /* Sent in an earlier run: not again; what the server made of it is looked at. */
        if (record != NULL && g_strcmp0 (ferry_transfer_string_member (record, "s"), "done") == 0)
          {
            import->state = ITEM_DONE;
            if (ferry_transfer_journal_lookup (self->journal, "check:imports") == NULL)
              self->check_imports = TRUE;
            else
              {
                /* Already waited for: what it missed goes through the API, checked first. */
                import->settled = TRUE;
                for (guint i = 0; i < import->members->len; i++)
                  {
                    Item *member = g_ptr_array_index (import->members, i);

                    member->in_import = FALSE;
                    member->uncertain = TRUE;
                  }
              }
          }
      }
      g_ptr_array_add (self->items, import);
    }
}

/* What the journal knows of each item. */
static void
apply_journal (FerryTransfer *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      JsonObject *record = ferry_transfer_journal_lookup (self->journal, item->key);
      const char *state;

      if (record == NULL)
        continue;
      state = json_object_get_string_member_with_default (record, "s", "");
      if (json_object_has_member (record, "id"))
        item->id = g_strdup (json_object_get_string_member (record, "id"));
      item->code = g_strdup (json_object_get_string_member_with_default (record, "c", NULL));
      item->reason = g_strdup (json_object_get_string_member_with_default (record, "r", NULL));
      item->retry = json_object_get_boolean_member_with_default (record, "retry", FALSE);
      if (g_str_equal (state, "done"))
        item->state = ITEM_DONE;
      else if (g_str_equal (state, "skipped"))
        item->state = ITEM_SKIPPED;
      else if (g_str_equal (state, "failed"))
        item->state = ITEM_FAILED;
      else if (g_str_equal (state, "started"))
        item->uncertain = TRUE;
    }
}

/* The follow cap and the list limit, checked before anything starts (api-facts §4, §6). */
static void
check_limits (FerryTransfer *self)
{
  gint64 following = MAX (ferry_account_get_following (self->me), 0);
  gint64 followers = MAX (ferry_account_get_followers (self->me), 0);
  gint64 cap = MAX (FOLLOW_CAP, (gint64) (followers * 1.1 + 0.5));
  gint64 room = cap - following;
  guint lists = 0;
  gboolean mastodon = g_strcmp0 (ferry_server_info_get_software (self->info), "mastodon") == 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->state != ITEM_PENDING)
        continue;
      if (item->op == OP_FOLLOW && mastodon && room-- <= 0)
        {
          g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, cap);
          g_autofree char *reason = g_strdup_printf (_("Over the follow limit of %s: %s"),
                                                     ferry_client_get_host (self->client), limit);

          item->state = ITEM_SKIPPED;
          item->code = g_strdup ("limit");
          item->reason = g_steal_pointer (&reason);
        }
      if (item->op == OP_LIST && ++lists > MAX_LISTS)
        {
          item->state = ITEM_SKIPPED;
          item->code = g_strdup ("limit");
          item->reason = g_strdup_printf (_("Over the limit of %d lists"), MAX_LISTS);
        }
    }
  if (room < 0)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, cap);
      g_autofree char *over = g_strdup_printf ("%" G_GINT64_FORMAT, -room);

      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("%s lets an account follow %s accounts at most; %s "
                                          "follows "
                                          "will be left out."),
                                        ferry_client_get_host (self->client), limit, over));
    }
  if (lists > MAX_LISTS)
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("An account can have %d lists; %u will be left out."),
                                      MAX_LISTS, lists - MAX_LISTS));
  if (ferry_account_get_locked (self->me))
    g_ptr_array_add (self->warnings,
                     g_strdup (
                       _("The new account is locked. Unlock it until the followers have "
                         "moved: while it is locked, each moving follower becomes a request "
                         "to approve.")));
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *problem = NULL;

      if (item->op == OP_PROFILE && item->state == ITEM_PENDING &&
          (problem = ferry_transfer_check_profile (self, item)) != NULL)
        {
          item->state = ITEM_FAILED;
          item->code = g_strdup ("limit");
          item->reason = g_strdup (problem);
          g_ptr_array_add (self->warnings, g_steal_pointer (&problem));
        }
    }
}

static void
prepared (GTask *task)
{
  FerryTransfer *self = g_task_get_source_object (task);
  const char *software = ferry_server_info_get_software (self->info);

  apply_journal (self);
  check_limits (self);
  if (self->method != FERRY_TRANSFER_METHOD_API && self->method != FERRY_TRANSFER_METHOD_CSV)
    add_imports (self);
  /* An import done in a run that stopped before checking its result: check it now. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->state == ITEM_DONE && g_strcmp0 (item->code, "imported") == 0 &&
          ferry_transfer_journal_lookup (self->journal, "check:imports") == NULL)
        self->check_imports = TRUE;
    }
  self->follow_limit = g_strcmp0 (software, "mastodon") == 0 ? MASTODON_FOLLOWS : 0;
  self->follow_day = -1;
  /* The page the target's own software imports on: GoToSocial's settings app has it at
   * /settings/user/export-import (web/source/settings/views/user/export-import), Mastodon at
   * /settings/imports (config/routes/settings.rb). */
  self->import_url = g_strconcat (ferry_client_get_base_url (self->client),
                                  ferry_transfer_is_gotosocial (self) ? FERRY_PAGE_GTS_EXPORT_IMPORT
                                                                      : FERRY_PAGE_MASTODON_IMPORTS,
                                  NULL);
  self->prepared = TRUE;
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
journal_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!ferry_transfer_journal_open_finish (FERRY_TRANSFER_JOURNAL (object), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  prepared (task);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = g_task_get_source_object (task);
  GError *error = NULL;
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (items == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;

  /* One journal per destination account: a backup can go to more than one. */
  name = g_strdup_printf ("%s@%s.jsonl", ferry_account_get_handle (self->me)->username ?: "me",
                          ferry_client_get_host (self->client));
  g_strdelimit (name, "/\\:", '_');
  path = g_build_filename (self->dir_path, ".ferry-transfer", name, NULL);
  g_free (self->report_path);
  self->report_path = g_strdup_printf ("%.*s.report.json", (int) strlen (path) - 6, path);
  g_clear_object (&self->journal);
  self->journal = ferry_transfer_journal_new (path);
  ferry_transfer_journal_open_async (self->journal, g_task_get_cancellable (task),
                                     journal_opened_cb, task);
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = g_task_get_source_object (task);
  GError *error = NULL;
  FerryServerInfo *info = ferry_server_info_probe_finish (result, &error);
  g_autoptr(GTask) load = NULL;
  LoadData *data;

  if (info == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_object (&self->info);
  self->info = info;

  data = g_new0 (LoadData, 1);
  data->dir = g_strdup (self->dir_path);
  data->only = g_strdupv (self->only);
  load = g_task_new (self, g_task_get_cancellable (task), loaded_cb, task);
  g_task_set_source_tag (load, probed_cb);
  g_task_set_task_data (load, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (load, load_thread);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(FerryAccount) me = ferry_client_verify_credentials_finish (FERRY_CLIENT (object),
                                                                       result, &error);

  if (me == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_set_object (&self->me, me);
  g_free (self->local_domain);
  self->local_domain = g_strdup (ferry_client_get_host (self->client));
  ferry_server_info_probe_async (self->client, g_task_get_cancellable (task), probed_cb, task);
}

/**
 * ferry_transfer_prepare_async:
 *
 * Reads the new account, its server and the backup, and what an earlier run did; checks the
 * limits. Afterwards the categories show their totals and the plan can be described.
 */
void
ferry_transfer_prepare_async (FerryTransfer       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_TRANSFER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_transfer_prepare_async);
  if (self->prepared)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  g_ptr_array_set_size (self->warnings, 0);
  ferry_client_verify_credentials_async (self->client, cancellable, me_cb, task);
}

gboolean
ferry_transfer_prepare_finish (FerryTransfer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  ferry_transfer_progress_now (self);
  return TRUE;
}

/* The plan */

/**
 * ferry_transfer_estimate_seconds:
 *
 * Roughly how long what is left takes with @method: one request a second on Mastodon's
 * 300 per 5 minutes (plus one to find each account or post), and days for follows beyond
 * 400 a day through the API. An import is taken as a few minutes of the server's work.
 */
gint64
ferry_transfer_estimate_seconds (FerryTransfer       *self,
                                 FerryTransferMethod  method)
{
  guint requests = 0, follows = 0;
  gboolean csv = method == FERRY_TRANSFER_METHOD_CSV;
  gboolean imports = FALSE;
  gint64 seconds;

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);
  g_return_val_if_fail (self->prepared, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->state != ITEM_PENDING)
        continue;
      if (item->op == OP_IMPORT)
        {
          imports = TRUE;
          requests++;
          continue;
        }
      if (item->in_import)
        continue;
      if (csv
          && (item->op == OP_FOLLOW || item->op == OP_BLOCK || item->op == OP_MUTE
              || item->op == OP_DOMAIN_BLOCK || item->op == OP_BOOKMARK
              || item->op == OP_LIST_MEMBER))
        {
          imports = TRUE;
          continue;
        }
      follows += item->op == OP_FOLLOW;
      requests += 1 + (item->op == OP_FOLLOW || item->op == OP_BLOCK || item->op == OP_MUTE ||
                       item->op == OP_NOTE || item->op == OP_BOOKMARK);
    }
  seconds = requests + (imports ? 5 * 60 : 0);
  if (self->follow_limit > 0 && follows > self->follow_limit)
    seconds = MAX (seconds, (gint64) ((follows - 1) / self->follow_limit) * 86400);
  return seconds;
}

/**
 * ferry_transfer_describe_plan:
 *
 * Returns: (transfer full): the plan in a sentence or two: what goes how, and the day plan
 *   when follows take more than one day
 */
char *
ferry_transfer_describe_plan (FerryTransfer *self)
{
  guint follows;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);
  g_return_val_if_fail (self->prepared, NULL);

  follows = count_op (self, OP_FOLLOW, TRUE);
  if (count_op (self, OP_IMPORT, TRUE) > 0)
    g_string_append_printf (text, _("%s imports follows, blocks and mutes in one go; the rest goes "
                                    "through its API. "), ferry_client_get_host (self->client));
  else if (self->method == FERRY_TRANSFER_METHOD_CSV && ferry_transfer_is_gotosocial (self))
    {
      if (ferry_transfer_version_at_least (self, 0, 19))
        g_string_append_printf (text,
                                _("GoToSocial’s own import on %s takes follows, blocks and mutes; "
                                  "Ferry then checks the result and does the rest through the "
                                  "API. "),
                                ferry_client_get_host (self->client));
      else
        g_string_append_printf (text,
                                _("GoToSocial’s own import on %s takes follows and blocks; "
                                  "Ferry then checks the result and does the rest through the "
                                  "API. "),
                                ferry_client_get_host (self->client));
    }
  else if (self->method == FERRY_TRANSFER_METHOD_CSV)
    g_string_append_printf (text,
                            _("Mastodon’s own import on %s takes follows, lists, blocks, mutes, "
                              "blocked domains and bookmarks without a daily limit; Ferry then "
                              "checks the result and does the rest through the API. "),
                            ferry_client_get_host (self->client));
  else if (self->follow_limit > 0 && follows > self->follow_limit)
    {
      guint days = (follows + self->follow_limit - 1) / self->follow_limit;

      g_string_append_printf (text,
                              ngettext ("%u follows at %u a day take %u day: each day’s batch "
                                        "starts "
                                        "at 00:00 UTC. ",
                                        "%u follows at %u a day take %u days: each day’s batch "
                                        "starts "
                                        "at 00:00 UTC. ",
                                        days),
                              follows, self->follow_limit, days);
    }
  else
    g_string_append (text, _("Everything goes through the new server’s API. "));
  g_strchomp (text->str);
  text->len = strlen (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
