/* fedisim-csv.c: Mastodon's CSV exports byte for byte, and its imports (api-facts §5)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

/* Ruby's CSV: a field is quoted when it holds a comma, a quote or a line break. */
static void
append_field (GString    *str,
              const char *field,
              gboolean    last)
{
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (str, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (str, '"');
          g_string_append_c (str, *p);
        }
      g_string_append_c (str, '"');
    }
  else
    g_string_append (str, field);
  g_string_append_c (str, last ? '\n' : ',');
}

/* Export#acct: every account with its domain, local ones too. */
static char *
export_acct (FsActor *actor)
{
  return fs_actor_handle (actor);
}

/**
 * fs_export_csv:
 * @kind: follows, followers, blocks, mutes, domain_blocks, lists, bookmarks
 *
 * The file /settings/exports/KIND.csv gives: header rows where Mastodon writes them,
 * booleans as true/false, languages joined with ", ". Follows, blocks, mutes and bookmarks
 * come newest first, as Mastodon's associations order them (`order(… id: :desc)`); domain
 * blocks and lists in the order they were made.
 */
char *
fs_export_csv (FedisimServer *server,
               FsActor       *actor,
               const char    *kind,
               gsize         *len)
{
  GString *str = g_string_new (NULL);

  if (g_str_equal (kind, "follows"))
    {
      g_string_append (str, "Account address,Show boosts,Notify on new posts,Languages\n");
      for (guint i = actor->following->len; i > 0; i--)
        {
          FsFollow *follow = g_ptr_array_index (actor->following, i - 1);
          g_autofree char *acct = NULL;
          g_autofree char *languages = NULL;

          if (follow->pending)
            continue;   /* accepted follows only */
          acct = export_acct (follow->to);
          if (follow->languages != NULL && follow->languages->len > 0)
            {
              g_ptr_array_add (follow->languages, NULL);
              languages = g_strjoinv (", ", (char **) follow->languages->pdata);
              g_ptr_array_remove_index (follow->languages, follow->languages->len - 1);
            }
          append_field (str, acct, FALSE);
          append_field (str, follow->reblogs ? "true" : "false", FALSE);
          append_field (str, follow->notify ? "true" : "false", FALSE);
          append_field (str, languages ? languages : "", TRUE);
        }
    }
  else if (g_str_equal (kind, "followers"))
    {
      /* GoToSocial only: Mastodon has no followers export. */
      g_string_append (str, "Account address\n");
      for (guint i = 0; i < actor->followers->len; i++)
        {
          FsFollow *follow = g_ptr_array_index (actor->followers, i);
          g_autofree char *acct = export_acct (follow->from);

          if (!follow->pending)
            append_field (str, acct, TRUE);
        }
    }
  else if (g_str_equal (kind, "blocks"))
    {
      for (guint i = actor->blocks->len; i > 0; i--)
        {
          g_autofree char *acct = export_acct (((FsRow *) g_ptr_array_index (actor->blocks, i - 1))->target);

          append_field (str, acct, TRUE);
        }
    }
  else if (g_str_equal (kind, "mutes"))
    {
      g_string_append (str, "Account address,Hide notifications\n");
      for (guint i = actor->mutes->len; i > 0; i--)
        {
          FsMute *mute = g_ptr_array_index (actor->mutes, i - 1);
          g_autofree char *acct = export_acct (mute->target);

          append_field (str, acct, FALSE);
          append_field (str, mute->notifications ? "true" : "false", TRUE);
        }
    }
  else if (g_str_equal (kind, "domain_blocks"))
    {
      for (guint i = 0; i < actor->domain_blocks->len; i++)
        append_field (str, ((FsRow *) g_ptr_array_index (actor->domain_blocks, i))->text, TRUE);
    }
  else if (g_str_equal (kind, "lists"))
    {
      /* One row per member: empty lists and their settings are lost. */
      for (guint i = 0; i < actor->lists->len; i++)
        {
          FsList *list = g_ptr_array_index (actor->lists, i);

          for (guint j = 0; j < list->members->len; j++)
            {
              g_autofree char *acct = export_acct (g_ptr_array_index (list->members, j));

              append_field (str, list->title, FALSE);
              append_field (str, acct, TRUE);
            }
        }
    }
  else if (g_str_equal (kind, "bookmarks"))
    {
      for (guint i = actor->bookmarks->len; i > 0; i--)
        append_field (str, ((FsRow *) g_ptr_array_index (actor->bookmarks, i - 1))->status->uri, TRUE);
    }
  else
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  *len = str->len;
  return g_string_free (str, FALSE);
}

/* custom_filters.json, Mastodon 4.6+. */
char *
fs_export_filters_json (FedisimServer *server,
                        FsActor       *actor,
                        gsize         *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonNode *root;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "custom_filters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actor->filters->len; i++)
    {
      FsFilter *filter = g_ptr_array_index (actor->filters, i);
      g_autofree char *expires = filter->expires_at ? fs_iso8601 (filter->expires_at) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, filter->title);
      json_builder_set_member_name (builder, "expires_at");
      if (expires)
        json_builder_add_string_value (builder, expires);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "context");
      json_builder_begin_array (builder);
      for (guint j = 0; j < filter->context->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (filter->context, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, filter->action);
      json_builder_set_member_name (builder, "keywords_attributes");
      json_builder_begin_array (builder);
      for (guint j = 0; j < filter->keywords->len; j++)
        {
          FsField *keyword = g_ptr_array_index (filter->keywords, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "keyword");
          json_builder_add_string_value (builder, keyword->name);
          json_builder_set_member_name (builder, "whole_word");
          json_builder_add_boolean_value (builder, g_str_equal (keyword->value, "1"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "statuses");
      json_builder_begin_array (builder);
      for (guint j = 0; j < filter->statuses->len; j++)
        json_builder_add_string_value (builder, ((FsStatus *) g_ptr_array_index (filter->statuses, j))->uri);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_node_unref (root);
  text = json_generator_to_data (generator, len);
  return text;
}

/* RFC 4180 rows (GStrv each); blank lines are skipped. */
GPtrArray *
fs_csv_parse (const char *text,
              gsize       len)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE, any = FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      char c = i < len ? text[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }
      if (c == '"')
        {
          quoted = any = TRUE;
          continue;
        }
      if (c == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          any = TRUE;
          continue;
        }
      if (c == '\r')
        continue;
      if (c == '\n')
        {
          if (any || field->len > 0)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
            }
          g_string_truncate (field, 0);
          any = FALSE;
          continue;
        }
      g_string_append_c (field, c);
    }
  g_string_free (field, TRUE);
  return rows;
}

static const struct
{
  const char *type;
  const char *header;
} import_headers[] = {
  { "following", "Account address" },
  { "muting", "Account address" },
  { "blocking", "Account address" },
  { "domain_blocking", "#domain" },
  { "bookmarks", "#uri" },
  { "lists", "List name" },
};

/**
 * fs_import_new:
 * @type: following, blocking, muting, domain_blocking, bookmarks, lists
 *
 * Reads an uploaded file as Mastodon's Form::Import does: a known first header is
 * skipped, a leading @ on accounts is dropped, at most 20,000 rows, and a following file
 * must fit under the follow cap (merge mode).
 */
FsImport *
fs_import_new (FedisimServer *server,
               FsActor       *actor,
               const char    *type,
               const char    *mode,
               GBytes        *data,
               GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  FsImport *import;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (import_headers); i++)
    known |= g_strcmp0 (type, import_headers[i].type) == 0;
  if (!known)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Type is not included in the list");
      return NULL;
    }
  if (data == NULL || g_bytes_get_size (data) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Data can't be blank");
      return NULL;
    }
  if (g_bytes_get_size (data) > 20 * 1024 * 1024)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Data is too big (20 MB at most)");
      return NULL;
    }

  rows = fs_csv_parse (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  if (rows->len > 0)
    {
      char **first = g_ptr_array_index (rows, 0);

      for (guint i = 0; i < G_N_ELEMENTS (import_headers); i++)
        if (first[0] && g_ascii_strcasecmp (g_strstrip (first[0]), import_headers[i].header) == 0)
          {
            g_ptr_array_remove_index (rows, 0);
            break;
          }
    }
  if (rows->len > FS_IMPORT_MAX_ROWS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Data has more than 20,000 rows");
      return NULL;
    }
  if (g_str_equal (type, "following") && g_strcmp0 (mode, "overwrite") != 0 &&
      actor->following->len + rows->len > MAX (FS_FOLLOW_CAP,
                                               (guint) (fs_world_count_follows (server->world, actor, TRUE) *
                                                        FS_FOLLOW_CAP_RATIO + 0.5)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Data would make you follow more accounts than you are allowed to");
      return NULL;
    }

  import = g_new0 (FsImport, 1);
  import->id = server->next_id++;
  import->user = actor;
  import->type = g_strdup (type);
  import->mode = g_strdup (mode && g_str_equal (mode, "overwrite") ? "overwrite" : "merge");
  import->rows = g_steal_pointer (&rows);
  import->created_at = fedisim_world_now (server->world);
  g_ptr_array_add (server->imports, import);
  return import;
}

static FsActor *
row_account (FedisimServer *server,
             const char    *acct)
{
  g_autofree char *clean = g_strstrip (g_strdup (acct ? acct : ""));
  FsActor *actor;

  if (clean[0] == '@')
    memmove (clean, clean + 1, strlen (clean));
  actor = fs_world_resolve_handle (server->world, clean);
  if (actor != NULL)
    fs_server_id_for (server, actor);
  return actor;
}

static gboolean
row_bool (char      **row,
          guint       column,
          gboolean    default_value)
{
  if (g_strv_length (row) <= column || row[column][0] == '\0')
    return default_value;
  return g_ascii_strcasecmp (g_strstrip (row[column]), "false") != 0;
}

/* One row of an import, as BulkImportRowService (Mastodon) or the import's worker
 * (GoToSocial) does it. Returns whether it was carried out. */
static gboolean
import_row (FedisimServer *server,
            FsActor       *actor,
            FsImport      *import,
            guint          i,
            GPtrArray     *seen)
{
  FedisimWorld *world = server->world;
  char **row = g_ptr_array_index (import->rows, i);
  gboolean ok = FALSE;

  if (g_str_equal (import->type, "following"))
    {
      FsActor *target = row_account (server, row[0]);

      if (target != NULL && target->moved_to == NULL && target != actor)
        {
          FsFollow *follow = fs_world_find_follow (world, actor, target);

          if (follow == NULL)
            {
              follow = fs_world_add_follow (world, actor, target);
              fs_follow_await_accept (world, follow);
            }
          follow->reblogs = row_bool (row, 1, TRUE);
          follow->notify = row_bool (row, 2, FALSE);
          if (g_strv_length (row) > 3 && row[3][0] != '\0')
            {
              g_auto(GStrv) langs = g_strsplit (row[3], ",", -1);

              g_clear_pointer (&follow->languages, g_ptr_array_unref);
              follow->languages = g_ptr_array_new_with_free_func (g_free);
              for (guint l = 0; langs[l]; l++)
                g_ptr_array_add (follow->languages, g_strdup (g_strstrip (langs[l])));
            }
          g_ptr_array_add (seen, target);
          ok = TRUE;
        }
    }
  else if (g_str_equal (import->type, "blocking"))
    {
      FsActor *target = row_account (server, row[0]);

      if (target != NULL && target != actor)
        {
          fs_actor_block (world, actor, target);
          g_ptr_array_add (seen, target);
          ok = TRUE;
        }
    }
  else if (g_str_equal (import->type, "muting"))
    {
      FsActor *target = row_account (server, row[0]);

      if (target != NULL && target != actor)
        {
          /* No duration: an existing mute's expiry goes (gotosocial
           * internal/processing/account/mute.go MuteCreate with the import's form,
           * Notifications only; Mastodon's import likewise). */
          fs_actor_mute (world, actor, target, row_bool (row, 1, TRUE), 0);
          g_ptr_array_add (seen, target);
          ok = TRUE;
        }
    }
  else if (g_str_equal (import->type, "domain_blocking"))
    {
      const char *domain = g_strstrip (row[0]);
      gboolean exists = FALSE;

      for (guint d = 0; d < actor->domain_blocks->len; d++)
        exists |= g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (actor->domain_blocks, d))->text,
                                      domain) == 0;
      if (!exists && domain[0] != '\0')
        fs_rows_add (world, actor->domain_blocks, NULL, NULL, domain);
      ok = domain[0] != '\0';
    }
  else if (g_str_equal (import->type, "bookmarks"))
    {
      FsStatus *status = fs_world_find_status (world, g_strstrip (row[0]));
      FsFollow *follow = status ? fs_world_find_follow (world, actor, status->account) : NULL;

      /* StatusPolicy#show?: followers-only posts need an accepted follow. */
      if (status != NULL &&
          (g_str_equal (status->visibility, "public") || g_str_equal (status->visibility, "unlisted") ||
           (g_str_equal (status->visibility, "private") && follow && !follow->pending)))
        {
          gboolean exists = FALSE;

          for (guint b = 0; b < actor->bookmarks->len; b++)
            exists |= ((FsRow *) g_ptr_array_index (actor->bookmarks, b))->status == status;
          if (!exists)
            fs_rows_add (world, actor->bookmarks, NULL, status, NULL);
          fs_server_status_id_for (server, status);
          ok = TRUE;
        }
    }
  else if (g_str_equal (import->type, "lists"))
    {
      FsActor *target = g_strv_length (row) > 1 ? row_account (server, row[1]) : NULL;

      if (target != NULL && target->moved_to == NULL)
        {
          FsList *list = NULL;

          for (guint l = 0; l < actor->lists->len; l++)
            if (g_str_equal (((FsList *) g_ptr_array_index (actor->lists, l))->title, row[0]))
              list = g_ptr_array_index (actor->lists, l);
          if (list == NULL && actor->lists->len < FS_MAX_LISTS)
            list = fs_actor_add_list (actor, row[0]);
          if (list != NULL)
            {
              if (fs_world_find_follow (world, actor, target) == NULL)
                fs_world_add_follow (world, actor, target);
              if (!g_ptr_array_find (list->members, target, NULL))
                g_ptr_array_add (list->members, target);
              ok = TRUE;
            }
        }
    }

  import->processed++;
  if (!ok)
    import->failures++;
  return ok;
}

/* Overwrite: what the file does not list goes. */
static void
import_overwrite (FedisimServer *server,
                  FsActor       *actor,
                  FsImport      *import,
                  GPtrArray     *seen)
{
  FedisimWorld *world = server->world;
  gboolean overwrite = g_str_equal (import->mode, "overwrite");

  if (overwrite && g_str_equal (import->type, "following"))
    {
      g_autoptr(GPtrArray) edges = g_ptr_array_copy (actor->following, NULL, NULL);

      for (guint i = 0; i < edges->len; i++)
        {
          FsFollow *edge = g_ptr_array_index (edges, i);

          if (!g_ptr_array_find (seen, edge->to, NULL))
            fs_world_remove_follow (world, edge);
        }
    }
  else if (overwrite && g_str_equal (import->type, "blocking"))
    {
      for (guint i = 0; i < actor->blocks->len; i++)
        if (!g_ptr_array_find (seen, ((FsRow *) g_ptr_array_index (actor->blocks, i))->target, NULL))
          g_ptr_array_remove_index (actor->blocks, i--);
    }
  else if (overwrite && g_str_equal (import->type, "muting"))
    {
      for (guint i = 0; i < actor->mutes->len; i++)
        if (!g_ptr_array_find (seen, ((FsMute *) g_ptr_array_index (actor->mutes, i))->target, NULL))
          g_ptr_array_remove_index (actor->mutes, i--);
    }

}

/**
 * fs_import_run:
 *
 * Carries out a confirmed import, row by row, as BulkImportRowService: follows bypass the
 * 400-a-day limit (not the cap), lists follow their members, bookmarks resolve each URI.
 * Rows that fail are counted in import->failures.
 */
gboolean
fs_import_run (FsRequest *req,
               FsActor   *actor,
               FsImport  *import,
               GError   **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < import->rows->len; i++)
    import_row (req->server, actor, import, i, seen);
  import_overwrite (req->server, actor, import, seen);
  import->confirmed = TRUE;
  return TRUE;
}

/* How long GoToSocial's worker takes for a row: GetAccountByUsernameDomain dereferences an
 * account it does not know yet (webfinger, then the actor), which on a slow remote took
 * 30 s (observed-servers.md, "Imports"); one it knows takes a moment.
 * assumed: 30 s for an account this server has never seen, 1 s otherwise. */
static gint64
row_seconds (FedisimServer *server,
             FsImport      *import,
             guint          i)
{
  char **row = g_ptr_array_index (import->rows, i);
  g_autofree char *clean = g_strstrip (g_strdup (row[0] ? row[0] : ""));
  FsActor *target = fs_world_resolve_handle (server->world, clean[0] == '@' ? clean + 1 : clean);

  if (target == NULL || target->home == server || g_hash_table_contains (server->ids, target))
    return 1;
  return 30;
}

/**
 * fs_import_start:
 *
 * GoToSocial's import: the handler answers 202 and pushes the work onto its processing queue
 * (gotosocial internal/processing/account/import.go: importFollowingAsyncF and the like,
 * "Do remaining processing of this import asynchronously",
 * p.state.Workers.Processing.Queue.Push), which works the rows off one at a time. Here the
 * rows fall due on the virtual clock and are done when a request comes in after that
 * (fs_world_catch_up()).
 */
void
fs_import_start (FedisimServer *server,
                 FsImport      *import)
{
  import->background = TRUE;
  import->seen = g_ptr_array_new ();
  if (import->rows->len == 0)
    {
      import->confirmed = TRUE;
      return;
    }
  import->next_due = fedisim_world_now (server->world) + row_seconds (server, import, 0);
}

static void
catch_up_imports (FedisimServer *server,
                  gint64         now)
{
  for (guint i = 0; i < server->imports->len; i++)
    {
      FsImport *import = g_ptr_array_index (server->imports, i);

      while (import->background && !import->confirmed && import->next_due <= now)
        {
          guint row = import->processed;

          import_row (server, import->user, import, row, import->seen);
          if (import->processed >= import->rows->len)
            {
              import_overwrite (server, import->user, import, import->seen);
              import->confirmed = TRUE;
              break;
            }
          import->next_due += row_seconds (server, import, import->processed);
        }
    }
}

/**
 * fs_follow_await_accept:
 *
 * A follow of an account on another server is a request until that server's Accept comes
 * back (gotosocial internal/processing/account/follow.go: a remote target gets a
 * FollowRequest, made a Follow by the Accept; Mastodon's FollowService likewise), which snac
 * sent 2–3 s later (observed-servers.md). A locked account's request waits for a person.
 * assumed: snac (the legacy flavour) 3 s; the others at once.
 */
void
fs_follow_await_accept (FedisimWorld *world,
                        FsFollow     *follow)
{
  gint64 delay = follow->to->home->flavour == FEDISIM_FLAVOUR_LEGACY ? 3 : 0;

  if (follow->to->locked || follow->to->home == follow->from->home || delay == 0 || follow->pending)
    return;
  follow->pending = TRUE;
  follow->accept_at = fedisim_world_now (world) + delay;
  if (world->awaiting == NULL)
    world->awaiting = g_ptr_array_new ();
  g_ptr_array_add (world->awaiting, follow);
}

/**
 * fs_world_catch_up:
 *
 * What the servers' workers have done by now on the virtual clock: the rows of GoToSocial's
 * imports that fell due, the Accepts that came back. Called before every request.
 */
void
fs_world_catch_up (FedisimWorld *world)
{
  gint64 now = fedisim_world_now (world);

  for (guint i = 0; world->awaiting && i < world->awaiting->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (world->awaiting, i);

      if (follow->accept_at > now)
        continue;
      follow->pending = FALSE;
      follow->accept_at = 0;
      g_ptr_array_remove_index (world->awaiting, i--);
    }
  for (guint i = 0; i < world->servers->len; i++)
    {
      catch_up_imports (g_ptr_array_index (world->servers, i), now);
      fs_posting_catch_up (g_ptr_array_index (world->servers, i), now);
    }
}
