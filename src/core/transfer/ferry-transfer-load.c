/* ferry-transfer-load.c: a backup folder read into the items a transfer re-creates, and
 * Mastodon import files written from them
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a worker thread: nothing here touches the job's state.
 *
 * Persistence reader: the backup folder's JSON files.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ferry-csv.h"
#include "ferry-transfer-private.h"
#include "ferry-private-file.h"

static const struct
{
  const char *id;
  const char *title;
} cats[N_CATS] = {
  [CAT_PROFILE] = { "profile", N_("Profile") },
  [CAT_FOLLOWING] = { "following", N_("Follows") },
  [CAT_LISTS] = { "lists", N_("Lists") },
  [CAT_BLOCKS] = { "blocks", N_("Blocked accounts") },
  [CAT_MUTES] = { "mutes", N_("Muted accounts") },
  [CAT_DOMAIN_BLOCKS] = { "domain_blocks", N_("Blocked domains") },
  [CAT_BOOKMARKS] = { "bookmarks", N_("Bookmarks") },
  [CAT_FOLLOWED_TAGS] = { "followed_tags", N_("Followed hashtags") },
  [CAT_FEATURED_TAGS] = { "featured_tags", N_("Featured hashtags") },
  [CAT_FILTERS] = { "filters", N_("Filters") },
  [CAT_NOTES] = { "notes", N_("Private notes") },
  [CAT_ENDORSEMENTS] = { "endorsements", N_("Featured profiles") },
};

const char *
ferry_transfer_cat_id (Cat cat)
{
  return cats[cat].id;
}

const char *
ferry_transfer_cat_title (Cat cat)
{
  return _(cats[cat].title);
}

/**
 * ferry_transfer_check_categories:
 * @categories: category ids, as for ferry_transfer_set_only()
 *
 * Returns: %TRUE when each is a category a transfer knows; else %FALSE with @error naming
 *   the unknown ones and the valid ones
 */
gboolean
ferry_transfer_check_categories (const char * const  *categories,
                                 GError             **error)
{
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autoptr(GString) valid = g_string_new (NULL);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (Cat cat = 0; cat < N_CATS; cat++)
        known |= g_str_equal (categories[i], cats[cat].id);
      if (!known)
        g_string_append_printf (unknown, "%s“%s”", unknown->len > 0 ? ", " : "", categories[i]);
    }
  if (unknown->len == 0)
    return TRUE;
  for (Cat cat = 0; cat < N_CATS; cat++)
    g_string_append_printf (valid, "%s%s", cat > 0 ? ", " : "", cats[cat].id);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no category %s. The categories are: %s."), unknown->str, valid->str);
  return FALSE;
}

void
ferry_transfer_item_free (Item *item)
{
  g_free (item->key);
  g_free (item->target);
  g_free (item->list);
  g_clear_pointer (&item->data, json_object_unref);
  g_free (item->reason);
  g_free (item->code);
  g_free (item->id);
  g_clear_pointer (&item->dependents, g_ptr_array_unref);
  g_clear_pointer (&item->members, g_ptr_array_unref);
  g_clear_pointer (&item->avatar, g_bytes_unref);
  g_clear_pointer (&item->header, g_bytes_unref);
  g_free (item);
}

/**
 * ferry_transfer_item_blocker:
 * @waiting: (out): set when something @item needs is not over yet
 *
 * Returns: (nullable): what @item needs (its follow, its list) that ended without being
 *   done, so that @item cannot be either
 */
Item *
ferry_transfer_item_blocker (Item     *item,
                             gboolean *waiting)
{
  Item *needs[] = { item->depends, item->list_item };

  *waiting = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      if (needs[i] == NULL)
        continue;
      if (needs[i]->state == ITEM_PENDING || needs[i]->state == ITEM_ACTIVE)
        *waiting = TRUE;
      else if (needs[i]->state != ITEM_DONE)
        return needs[i];
    }
  return NULL;
}

typedef struct
{
  const char *dir;
  GPtrArray  *items;
  GHashTable *follows;   /* acct → Item* */
  GHashTable *keys;      /* key → Item*: a backup listing a thing twice gives one item */
} Loader;

static Item *
add (Loader     *l,
     Op          op,
     Cat         cat,
     const char *prefix,
     const char *target)
{
  g_autofree char *key = g_strconcat (prefix, ":", target, NULL);
  Item *item;

  if (target == NULL || target[0] == '\0' || g_hash_table_contains (l->keys, key))
    return NULL;
  item = g_new0 (Item, 1);
  item->op = op;
  item->cat = cat;
  item->key = g_steal_pointer (&key);
  item->target = g_strdup (target);
  item->data = json_object_new ();
  g_ptr_array_add (l->items, item);
  g_hash_table_insert (l->keys, item->key, item);
  return item;
}

static void
depend_on_follow (Loader *l,
                  Item   *item)
{
  Item *follow = g_hash_table_lookup (l->follows, item->target);

  if (item == NULL || follow == NULL)
    return;
  item->depends = follow;
  if (follow->dependents == NULL)
    follow->dependents = g_ptr_array_new ();
  g_ptr_array_add (follow->dependents, item);
}

/* A file of the backup, or NULL when the backup has none (that category was not saved). */
static char *
read_file (Loader      *l,
           const char  *name,
           gsize       *length,
           GError     **error)
{
  g_autofree char *path = g_build_filename (l->dir, name, NULL);
  char *contents = NULL;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, length, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_clear_error (&local);
      else
        g_propagate_error (error, local);
      return NULL;
    }
  return contents;
}

static GPtrArray *
read_csv (Loader      *l,
          const char  *name,
          GError     **error)
{
  gsize length = 0;
  g_autofree char *text = read_file (l, name, &length, error);
  GError *local = NULL;
  GPtrArray *rows;

  if (text == NULL)
    return NULL;
  rows = ferry_csv_parse (text, (gssize) length, &local);
  if (rows == NULL)
    g_propagate_prefixed_error (error, local, _("The backup’s file %s is damaged: "), name);
  return rows;
}

static JsonNode *
read_json (Loader      *l,
           const char  *name,
           GError     **error)
{
  gsize length = 0;
  g_autofree char *text = read_file (l, name, &length, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *local = NULL;

  if (text == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, text, (gssize) length, &local))
    {
      g_propagate_prefixed_error (error, local, _("The backup’s file %s is damaged: "), name);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static JsonArray *
as_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A string member, or %NULL when it is missing, null or not a string. */
const char *
ferry_transfer_string_member (JsonObject *object,
                              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gboolean
wanted (const char * const *only,
        Cat                 cat)
{
  return only == NULL || g_strv_contains (only, cats[cat].id);
}

static const char *
row_field (GStrv  row,
           guint  i)
{
  return g_strv_length (row) > i ? row[i] : NULL;
}

static gboolean
load_accounts_csv (Loader              *l,
                   const char * const  *only,
                   GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* Only when wanted: list members and featured profiles then wait for their follows. */
  if (wanted (only, CAT_FOLLOWING))
    {
      rows = read_csv (l, "following_accounts.csv", error);
      if (rows == NULL && error && *error)
        return FALSE;
      for (guint i = 1; rows && i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);
          Item *item = add (l, OP_FOLLOW, CAT_FOLLOWING, "follow", g_strstrip (row[0]));

          if (item == NULL)
            continue;
          json_object_set_boolean_member (item->data, "reblogs",
                                          g_strcmp0 (row_field (row, 1), "false") != 0);
          json_object_set_boolean_member (item->data, "notify",
                                          g_strcmp0 (row_field (row, 2), "true") == 0);
          json_object_set_string_member (item->data, "languages",
                                         row_field (row, 3) ? row_field (row, 3) : "");
          g_hash_table_insert (l->follows, item->target, item);
        }
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  if (wanted (only, CAT_BLOCKS))
    {
      rows = read_csv (l, "blocked_accounts.csv", error);
      if (rows == NULL && error && *error)
        return FALSE;
      for (guint i = 0; rows && i < rows->len; i++)
        add (l, OP_BLOCK, CAT_BLOCKS, "block",
             g_strstrip (((GStrv) g_ptr_array_index (rows, i))[0]));
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  if (wanted (only, CAT_DOMAIN_BLOCKS))
    {
      rows = read_csv (l, "blocked_domains.csv", error);
      if (rows == NULL && error && *error)
        return FALSE;
      for (guint i = 0; rows && i < rows->len; i++)
        add (l, OP_DOMAIN_BLOCK, CAT_DOMAIN_BLOCKS, "domain",
             g_strstrip (((GStrv) g_ptr_array_index (rows, i))[0]));
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  if (wanted (only, CAT_BOOKMARKS))
    {
      rows = read_csv (l, "bookmarks.csv", error);
      if (rows == NULL && error && *error)
        return FALSE;
      for (guint i = 0; rows && i < rows->len; i++)
        add (l, OP_BOOKMARK, CAT_BOOKMARKS, "bookmark",
             g_strstrip (((GStrv) g_ptr_array_index (rows, i))[0]));
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  return TRUE;
}

static gboolean
load_json_files (Loader              *l,
                 const char * const  *only,
                 GError             **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

#define READ(name) \
  G_STMT_START { \
    g_clear_pointer (&node, json_node_unref); \
    node = read_json (l, name, error); \
    if (node == NULL && error && *error) \
      return FALSE; \
    array = as_array (node); \
  } G_STMT_END

  if (wanted (only, CAT_PROFILE))
    {
      READ ("profile.json");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          Item *item = add (l, OP_PROFILE, CAT_PROFILE, "profile", "me");

          const char *names[] = { "avatar", "header" };

          json_object_unref (item->data);
          item->data = json_object_ref (json_node_get_object (node));
          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              const char *file = ferry_transfer_string_member (item->data, names[i]);
              g_autofree char *base = file ? g_path_get_basename (file) : NULL;
              gsize length = 0;
              char *contents;

              if (base == NULL || (contents = read_file (l, base, &length, error)) == NULL)
                {
                  if (error && *error)
                    return FALSE;
                  continue;
                }
              if (i == 0)
                item->avatar = g_bytes_new_take (contents, length);
              else
                item->header = g_bytes_new_take (contents, length);
            }
        }
    }

  if (wanted (only, CAT_LISTS))
    {
      READ ("lists.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *list = json_array_get_object_element (array, i);
          const char *title = ferry_transfer_string_member (list, "title");
          Item *item = add (l, OP_LIST, CAT_LISTS, "list", title);
          JsonArray *members = list && json_object_has_member (list, "members")
                                 ? json_object_get_array_member (list, "members") : NULL;

          if (item == NULL)
            continue;
          json_object_set_string_member (item->data, "replies_policy",
                                         ferry_transfer_string_member (list, "replies_policy")
                                           ?: "list");
          json_object_set_boolean_member (item->data, "exclusive",
                                          json_object_get_boolean_member_with_default (list,
                                                                                       "exclusive",
                                                                                       FALSE));
          for (guint j = 0; members && j < json_array_get_length (members); j++)
            {
              const char *acct = json_array_get_string_element (members, j);
              g_autofree char *target = g_strconcat (title, "\n", acct, NULL);
              Item *member = add (l, OP_LIST_MEMBER, CAT_LISTS, "member", target);

              if (member == NULL)
                continue;
              g_free (member->target);
              member->target = g_strdup (acct);
              member->list = g_strdup (title);
              member->list_item = item;
              if (item->dependents == NULL)
                item->dependents = g_ptr_array_new ();
              g_ptr_array_add (item->dependents, member);
              depend_on_follow (l, member);
            }
        }
    }

  if (wanted (only, CAT_MUTES))
    {
      READ ("mutes.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *mute = json_array_get_object_element (array, i);
          Item *item =
            add (l, OP_MUTE, CAT_MUTES, "mute", ferry_transfer_string_member (mute, "acct"));

          if (item == NULL)
            continue;
          json_object_set_boolean_member (
            item->data, "notifications",
            json_object_get_boolean_member_with_default (mute, "hide_notifications", TRUE));
          if (ferry_transfer_string_member (mute, "expires_at"))
            json_object_set_string_member (item->data, "expires_at",
                                           ferry_transfer_string_member (mute, "expires_at"));
        }
    }

  if (wanted (only, CAT_FOLLOWED_TAGS))
    {
      READ ("followed_tags.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        add (l, OP_TAG, CAT_FOLLOWED_TAGS, "tag", json_array_get_string_element (array, i));
    }

  if (wanted (only, CAT_FEATURED_TAGS))
    {
      READ ("featured_tags.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        add (l, OP_FEATURED_TAG, CAT_FEATURED_TAGS, "featured",
             json_array_get_string_element (array, i));
    }

  if (wanted (only, CAT_FILTERS))
    {
      READ ("custom_filters.json");
      array = node && JSON_NODE_HOLDS_OBJECT (node)
                  && json_object_has_member (json_node_get_object (node), "custom_filters")
                ? json_object_get_array_member (json_node_get_object (node), "custom_filters")
                : NULL;
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *filter = json_array_get_object_element (array, i);
          Item *item = add (l, OP_FILTER, CAT_FILTERS, "filter",
                            ferry_transfer_string_member (filter, "title"));

          if (item == NULL)
            continue;
          json_object_unref (item->data);
          item->data = json_object_ref (filter);
        }
    }

  if (wanted (only, CAT_NOTES))
    {
      READ ("notes.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *note = json_array_get_object_element (array, i);
          Item *item =
            add (l, OP_NOTE, CAT_NOTES, "note", ferry_transfer_string_member (note, "acct"));

          if (item != NULL)
            json_object_set_string_member (item->data, "comment",
                                           ferry_transfer_string_member (note, "comment") ?: "");
        }
    }

  if (wanted (only, CAT_ENDORSEMENTS))
    {
      READ ("endorsements.json");
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          Item *item = add (l, OP_ENDORSE, CAT_ENDORSEMENTS, "endorse",
                            json_array_get_string_element (array, i));

          if (item != NULL)
            depend_on_follow (l, item);
        }
    }
#undef READ
  return TRUE;
}

/**
 * ferry_transfer_load_items:
 * @only: (nullable): category ids; %NULL for all
 *
 * Returns: (transfer full) (element-type Item): what the backup holds, in the order it goes
 */
GPtrArray *
ferry_transfer_load_items (const char          *dir,
                           const char * const  *only,
                           GError             **error)
{
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(GHashTable) follows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_transfer_item_free);
  Loader l = { dir, items, follows, keys };

  if (!g_file_test (manifest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s holds no finished backup: back up the old account first."), dir);
      return NULL;
    }
  /* Follows first: lists and featured profiles wait for theirs. */
  if (!load_accounts_csv (&l, only, error) || !load_json_files (&l, only, error))
    return NULL;
  return g_steal_pointer (&items);
}

/* Import files */

/**
 * ferry_transfer_import_type_title:
 * @type: an import type as ferry_transfer_write_imports_finish() names it
 *
 * Returns: the type's name on Mastodon's import page, for the person to choose
 */
const char *
ferry_transfer_import_type_title (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  if (g_str_equal (type, "following"))
    return _("Following list");
  if (g_str_equal (type, "lists"))
    return _("Lists");
  if (g_str_equal (type, "blocking"))
    return _("Blocking list");
  if (g_str_equal (type, "muting"))
    return _("Muting list");
  if (g_str_equal (type, "domain_blocking"))
    return _("Domain blocking list");
  return _("Bookmarks");
}

static const char *import_type_title (const char *type,
                                      gboolean    gotosocial);

/**
 * ferry_transfer_get_import_type_title:
 * @type: an import type as ferry_transfer_write_imports_finish() names it
 *
 * Returns: the type's name on the new server's own import page (after preparing)
 */
const char *
ferry_transfer_get_import_type_title (FerryTransfer *self,
                                      const char    *type)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  return import_type_title (type, ferry_transfer_is_gotosocial (self));
}

/* The name of an import type on the page of Mastodon or, with @gotosocial, GoToSocial. */
static const char *
import_type_title (const char *type,
                   gboolean    gotosocial)
{
  /* GoToSocial's "Import type" choices (web/source/settings/views/user/export-import/import.tsx).
   */
  if (gotosocial)
    {
      if (g_str_equal (type, "following"))
        return _("Following list");
      if (g_str_equal (type, "blocking"))
        return _("Blocked accounts list");
      if (g_str_equal (type, "muting"))
        return _("Muted accounts list");
    }
  return ferry_transfer_import_type_title (type);
}

/**
 * ferry_transfer_describe_import_page:
 *
 * Returns: (transfer full): how the new server's own import page takes Ferry's files, in the
 *   words of that page (after preparing)
 */
char *
ferry_transfer_describe_import_page (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  if (ferry_transfer_is_gotosocial (self))
    return g_strdup_printf (_("GoToSocial imports these files on its page %s (Import Data), "
                              "one at a time. For each, choose the file, its import type, and "
                              "“Merge”, then press “Import”:"),
                            self->import_url);
  return g_strdup_printf (_("Mastodon imports these files on its page %s, one at a time. For "
                            "each, choose its type, choose the file, keep “Merge”, upload, then "
                            "confirm:"),
                          self->import_url);
}

/**
 * ferry_transfer_csv_for:
 *
 * Returns: (transfer full) (nullable): the items of @cat not yet done, as Mastodon's import
 *   takes them (the same columns as its export), or %NULL when there are none
 */
char *
ferry_transfer_csv_for (GPtrArray *items,
                        Cat        cat)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint rows = 0;

  if (cat == CAT_FOLLOWING)
    ferry_csv_append_row (out, (const char *[]) { "Account address", "Show boosts",
                                                  "Notify on new posts", "Languages" }, 4);
  else if (cat == CAT_MUTES)
    ferry_csv_append_row (out, (const char *[]) { "Account address", "Hide notifications" }, 2);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->cat != cat || item->state == ITEM_DONE || item->state == ITEM_SKIPPED)
        continue;
      switch (item->op)
        {
        case OP_FOLLOW:
          ferry_csv_append_row (out, (const char *[]) {
            item->target,
            json_object_get_boolean_member (item->data, "reblogs") ? "true" : "false",
            json_object_get_boolean_member (item->data, "notify") ? "true" : "false",
            json_object_get_string_member (item->data, "languages") }, 4);
          break;
        case OP_MUTE:
          ferry_csv_append_row (out, (const char *[]) {
            item->target,
            json_object_get_boolean_member (item->data, "notifications") ? "true" : "false" }, 2);
          break;
        case OP_LIST_MEMBER:
          ferry_csv_append_row (out, (const char *[]) { item->list, item->target }, 2);
          break;
        case OP_BLOCK:
        case OP_DOMAIN_BLOCK:
        case OP_BOOKMARK:
          ferry_csv_append_row (out, (const char *[]) { item->target }, 1);
          break;
        case OP_PROFILE:
        case OP_LIST:
        case OP_TAG:
        case OP_FEATURED_TAG:
        case OP_FILTER:
        case OP_NOTE:
        case OP_ENDORSE:
        case OP_IMPORT:
        default:
          continue;
        }
      rows++;
    }
  return rows > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * ferry_transfer_write_import_files:
 * @gotosocial: the files go to GoToSocial's import page: its names for the types
 * @written: (element-type FerryImportFile): gets each file written
 *
 * Mastodon's import files for what is left (follows, lists, blocks, mutes, domain blocks,
 * bookmarks), each under the name of Mastodon's own export.
 */
gboolean
ferry_transfer_write_import_files (GPtrArray           *items,
                                   const char          *folder,
                                   const char * const  *types,
                                   gboolean             gotosocial,
                                   GListStore          *written,
                                   GError             **error)
{
  static const struct { Cat cat; const char *type; const char *name; } files[] = {
    { CAT_FOLLOWING, "following", "following_accounts.csv" },
    { CAT_LISTS, "lists", "lists.csv" },
    { CAT_BLOCKS, "blocking", "blocked_accounts.csv" },
    { CAT_MUTES, "muting", "muted_accounts.csv" },
    { CAT_DOMAIN_BLOCKS, "domain_blocking", "blocked_domains.csv" },
    { CAT_BOOKMARKS, "bookmarks", "bookmarks.csv" },
  };

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Ferry could not create the folder %s: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *csv = NULL;
      g_autofree char *path = g_build_filename (folder, files[i].name, NULL);

      /* Only what the server's import takes; the rest goes through the API afterwards. */
      if (types == NULL || g_strv_contains (types, files[i].type))
        csv = ferry_transfer_csv_for (items, files[i].cat);
      if (csv == NULL)
        {
          g_unlink (path);
          continue;
        }
      if (!ferry_private_file_write (path, csv, -1, error))
        return FALSE;
      {
        g_autoptr(FerryImportFile) file =
          ferry_import_file_new (files[i].type, import_type_title (files[i].type, gotosocial),
                                 path);

        g_list_store_append (written, file);
      }
    }
  return TRUE;
}
