/* ferry-backup-output.c: the files a backup leaves, made from its journal
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mastodon's own CSV files, byte for byte as its export writes them (api-facts §5), so that
 * they can go to any Mastodon import page unchanged; JSON for what the CSV files lose; the
 * posts as JSON Lines; and manifest.json with a checksum of every file. Everything here runs
 * in worker threads and writes each file whole or not at all.
 *
 * Persistence reader: the journal's lines, from which the files are made.
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"
#include "ferry-csv.h"
#include "ferry-json-scan.h"
#include "ferry-private-file.h"

/* json-glib 1.6 warns about a member that is not there; a server's answer may lack any. */
JsonArray *
ferry_backup_array_member (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
ferry_backup_object_member (JsonObject *object,
                            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
ferry_backup_array_object (JsonArray *array,
                           guint      index)
{
  JsonNode *node =
    array && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
ferry_backup_array_string (JsonArray *array,
                           guint      index)
{
  JsonNode *node =
    array && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/* What ferry_backup_write_file() wrote, by path: its size, time and checksum, so that the
 * manifest need not read the file again (it reads only what it did not write: downloads). */
typedef struct
{
  goffset size;
  gint64  mtime_ns;
  char   *sha256;
} Written;

static GMutex      written_lock;
static GHashTable *written;   /* char* path → Written* */

static void
written_free (Written *entry)
{
  g_free (entry->sha256);
  g_free (entry);
}

static gint64
stat_mtime_ns (const GStatBuf *buf)
{
  return (gint64) buf->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf->st_mtim.tv_nsec;
}

/* The checksum of @path if this process wrote it as it is now, or NULL. */
static char *
written_sha256 (const char     *path,
                const GStatBuf *buf)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&written_lock);
  Written *entry = written ? g_hash_table_lookup (written, path) : NULL;

  if (entry == NULL || entry->size != (goffset) buf->st_size ||
      entry->mtime_ns != stat_mtime_ns (buf))
    return NULL;
  return g_strdup (entry->sha256);
}

/**
 * ferry_backup_write_file:
 * @name: relative to @dir ("media/1234.png")
 *
 * Writes a file whole or not at all, private (0600; its folder 0700): see
 * ferry_private_file_write(). A run killed halfway leaves only a hidden part file, which the
 * next run removes. Its checksum is taken from @contents as it goes, for the manifest.
 */
gboolean
ferry_backup_write_file (const char  *dir,
                         const char  *name,
                         const char  *contents,
                         gssize       length,
                         GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  gsize size = length < 0 ? strlen (contents) : (gsize) length;
  GStatBuf buf;
  Written *entry;

  /* The folder may be new (media/), or gone since the backup began: make it. */
  if (!ferry_private_dir_make (folder, error) ||
      !ferry_private_file_write (path, contents, length, error))
    return FALSE;

  if (g_stat (path, &buf) != 0)
    return TRUE;   /* the manifest reads it, then */
  entry = g_new0 (Written, 1);
  entry->size = (goffset) size;
  entry->mtime_ns = stat_mtime_ns (&buf);
  entry->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                               size);
  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&written_lock);

    if (written == NULL)
      written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) written_free);
    g_hash_table_replace (written, g_steal_pointer (&path), entry);
  }
  return TRUE;
}

/* Removes the part files a killed run left in @folder. */
void
ferry_backup_remove_parts (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && g_str_has_suffix (name, ".ferry-part"))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_unlink (path);
      }
}

static gboolean
write_json (const char  *dir,
            const char  *name,
            JsonNode    *root,
            GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return ferry_backup_write_file (dir, name, text, length, error);
}

/* ferry_json_scan_members(), or a parse where the scan cannot follow the line. Returns FALSE when
 * the line is no JSON object at all. */
static gboolean
read_members (const char  *line,
              gsize        length,
              const char **keys,
              guint        n_keys,
              char       **values)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;

  if (ferry_json_scan_members (line, length, keys, n_keys, values))
    return TRUE;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, line, (gssize) length, NULL) ||
      (object = ferry_api_json_root_object (parser)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_keys; i++)
    values[i] = g_strdup (ferry_backup_string_member (object, keys[i]));
  return TRUE;
}

/* A post's id, read from its line without parsing it all: "id" is a top-level member. */
static char *
line_id (const char *line,
         gsize       length)
{
  const char *keys[] = { "id" };
  char *id = NULL;

  return read_members (line, length, keys, 1, &id) ? id : NULL;
}

static gboolean
journal_damaged (const char  *staging_path,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (staging_path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The backup’s journal “%s” is damaged."), name);
  return FALSE;
}

/* Calls @func for every line of the journal file, in order. */
static gboolean
for_each_item (const char  *staging_path,
               void       (*func) (JsonObject *item, gpointer user_data),
               gpointer     user_data,
               GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  char *line;
  char *next;

  if (!g_file_get_contents (staging_path, &text, &length, NULL))
    return TRUE;   /* nothing was fetched: an empty category */
  for (line = text; line < text + length; line = next)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      char *end = memchr (line, '\n', text + length - line);

      next = end ? end + 1 : text + length;
      if (end == NULL || end == line)
        continue;
      if (!json_parser_load_from_data (parser, line, end - line, NULL) ||
          ferry_api_json_root_object (parser) == NULL)
        return journal_damaged (staging_path, error);
      func (json_node_get_object (json_parser_get_root (parser)), user_data);
    }
  return TRUE;
}

/* for_each_item() for a row that needs only some string members (@keys): each line is
 * scanned for them rather than parsed whole (read_members()). */
static gboolean
for_each_strings (const char  *staging_path,
                  const char **keys,
                  guint        n_keys,
                  void       (*func) (char **values, gpointer user_data),
                  gpointer     user_data,
                  GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  char *line;
  char *next;

  g_assert (n_keys <= 4);
  if (!g_file_get_contents (staging_path, &text, &length, NULL))
    return TRUE;   /* nothing was fetched: an empty category */
  for (line = text; line < text + length; line = next)
    {
      char *values[4] = { NULL };
      char *end = memchr (line, '\n', text + length - line);

      next = end ? end + 1 : text + length;
      if (end == NULL || end == line)
        continue;
      if (!read_members (line, end - line, keys, n_keys, values))
        return journal_damaged (staging_path, error);
      func (values, user_data);
      for (guint i = 0; i < n_keys; i++)
        g_free (values[i]);
    }
  return TRUE;
}

static const char *
bool_text (JsonObject *object,
           const char *name,
           gboolean    fallback)
{
  return json_object_get_boolean_member_with_default (object, name, fallback) ? "true" : "false";
}

typedef struct
{
  GString   *csv;
  JsonArray *json;
  GPtrArray *rows;     /* for files written in the other order */
  gint64     count;
} Out;

static void
following_row (JsonObject *item,
               gpointer    user_data)
{
  Out *out = user_data;
  JsonNode *languages = json_object_get_member (item, "languages");
  g_autofree char *joined = NULL;
  const char *fields[4];

  if (languages != NULL && JSON_NODE_HOLDS_ARRAY (languages) &&
      json_array_get_length (json_node_get_array (languages)) > 0)
    {
      JsonArray *array = json_node_get_array (languages);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (text, "%s%s", i ? ", " : "", ferry_backup_array_string (array, i));
      joined = g_string_free (g_steal_pointer (&text), FALSE);
    }
  fields[0] = ferry_backup_string_member (item, "acct");
  fields[1] = bool_text (item, "reblogs", TRUE);
  fields[2] = bool_text (item, "notify", FALSE);
  fields[3] = joined;
  ferry_csv_append_row (out->csv, fields, 4);
  out->count++;
}

/* blocked_accounts.csv, endorsements.json: the scanned "acct". */
static void
acct_string_row (char     **values,
                 gpointer   user_data)
{
  Out *out = user_data;
  const char *fields[1] = { values[0] };

  ferry_csv_append_row (out->csv, fields, 1);
  if (out->json != NULL)
    json_array_add_string_element (out->json, fields[0]);
  out->count++;
}

/* uri_row() for the CSV alone, from the scanned "uri". */
static void
uri_string_row (char     **values,
                gpointer   user_data)
{
  Out *out = user_data;
  const char *fields[1] = { values[0] };

  ferry_csv_append_row (out->csv, fields, 1);
  out->count++;
}

static void
mute_row (JsonObject *item,
          gpointer    user_data)
{
  Out *out = user_data;
  const char *fields[2] = { ferry_backup_string_member (item, "acct"),
                            bool_text (item, "hide_notifications", TRUE) };

  ferry_csv_append_row (out->csv, fields, 2);
  json_array_add_object_element (out->json, json_object_ref (item));
  out->count++;
}

static void
domain_row (JsonObject *item,
            gpointer    user_data)
{
  Out *out = user_data;

  g_ptr_array_add (out->rows, g_strdup (ferry_backup_string_member (item, "domain")));
  out->count++;
}

static void
list_row (JsonObject *item,
          gpointer    user_data)
{
  Out *out = user_data;
  JsonArray *members = ferry_backup_array_member (item, "members");

  /* lists.csv: one row per member; empty lists live only in lists.json. */
  for (guint i = 0; members && i < json_array_get_length (members); i++)
    {
      const char *fields[2] = { ferry_backup_string_member (item, "title"),
                                ferry_backup_array_string (members, i) };

      ferry_csv_append_row (out->csv, fields, 2);
    }
  json_array_add_object_element (out->json, json_object_ref (item));
  out->count++;
}

static void
uri_row (JsonObject *item,
         gpointer    user_data)
{
  Out *out = user_data;
  const char *fields[1] = { ferry_backup_string_member (item, "uri") };

  if (out->csv != NULL)
    ferry_csv_append_row (out->csv, fields, 1);
  if (out->json != NULL)
    json_array_add_object_element (out->json, json_object_ref (item));
  out->count++;
}

static void
object_row (JsonObject *item,
            gpointer    user_data)
{
  Out *out = user_data;

  json_array_add_object_element (out->json, json_object_ref (item));
  out->count++;
}

static void
name_row (JsonObject *item,
          gpointer    user_data)
{
  Out *out = user_data;

  json_array_add_string_element (out->json, ferry_backup_string_member (item, "name"));
  out->count++;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  return node;
}

static gboolean
write_csv (const char  *dir,
           const char  *name,
           GString     *csv,
           GError     **error)
{
  return ferry_backup_write_file (dir, name, csv->str, csv->len, error);
}

static gboolean
write_array (const char  *dir,
             const char  *name,
             JsonArray   *array,
             GError     **error)
{
  g_autoptr(JsonNode) node = array_node (array);

  return write_json (dir, name, node, error);
}

/* posts.jsonl: this run's posts (newest first), then those an earlier backup had.
 * @earlier_bytes: how long posts.jsonl was before this backup wrote it (-1: there was none, so
 * whatever is there now is this backup's own),
 * as the journal recorded it before the first write. After a crash between the rename and
 * the journal's commit the file already holds this run's posts followed by the earlier
 * ones: only its last @earlier_bytes are the earlier backup's. And no post is kept twice:
 * an earlier line whose id this run has is left out. */
static gboolean
write_posts (const char  *staging_path,
             const char  *dir,
             gint64       earlier_bytes,
             gint64      *count,
             GError     **error)
{
  g_autofree char *fresh = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *earlier_path = g_build_filename (dir, "posts.jsonl", NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize fresh_len = 0, earlier_len = 0;
  const char *from;
  g_autoptr(GString) all = NULL;

  if (!g_file_get_contents (staging_path, &fresh, &fresh_len, NULL))
    fresh = g_strdup ("");
  if (earlier_bytes <= 0 || !g_file_get_contents (earlier_path, &earlier, &earlier_len, NULL))
    g_clear_pointer (&earlier, g_free);
  from = earlier;
  if (earlier != NULL && earlier_bytes > 0 && (gsize) earlier_bytes < earlier_len &&
      earlier[earlier_len - earlier_bytes - 1] == '\n')
    {
      g_debug ("posts.jsonl holds this backup's posts already: keeping its last %" G_GINT64_FORMAT
               " bytes as the earlier backup's", earlier_bytes);
      from = earlier + earlier_len - earlier_bytes;
    }

  all = g_string_sized_new (fresh_len + earlier_len);
  *count = 0;
  for (const char *line = fresh, *next; line < fresh + fresh_len; line = next)
    {
      const char *end = memchr (line, '\n', fresh + fresh_len - line);
      char *id;

      next = end ? end + 1 : fresh + fresh_len;
      if (end == NULL || end == line)
        continue;
      id = line_id (line, end - line);
      if (id != NULL && !g_hash_table_add (ids, id))
        continue;   /* the same post twice on the server's pages */
      g_string_append_len (all, line, next - line);
      (*count)++;
    }
  for (const char *line = from, *next; earlier != NULL && line < earlier + earlier_len; line = next)
    {
      const char *end = memchr (line, '\n', earlier + earlier_len - line);
      g_autofree char *id = NULL;

      next = end ? end + 1 : earlier + earlier_len;
      if (end == NULL || end == line)
        continue;
      id = line_id (line, end - line);
      if (id != NULL && g_hash_table_contains (ids, id))
        continue;
      g_string_append_len (all, line, next - line);
      (*count)++;
    }
  return ferry_backup_write_file (dir, "posts.jsonl", all->str, all->len, error);
}

/**
 * ferry_backup_write_category:
 * @earlier_bytes: posts only: see write_posts()
 * @count: (out): how many items the files hold
 *
 * Writes the category's files from its journal.
 */
gboolean
ferry_backup_write_category (const char  *category,
                             const char  *staging_path,
                             const char  *dir,
                             gint64       earlier_bytes,
                             gint64      *count,
                             GError     **error)
{
  static const char *acct_key[] = { "acct" };
  static const char *uri_key[] = { "uri" };
  Out out = { 0 };
  gboolean ok = FALSE;

  *count = 0;
  if (g_str_equal (category, "posts"))
    return write_posts (staging_path, dir, earlier_bytes, count, error);

  out.csv = g_string_new (NULL);
  out.json = json_array_new ();

  if (g_str_equal (category, "profile"))
    {
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!g_file_get_contents (staging_path, &text, NULL, error) ||
          !json_parser_load_from_data (parser, text, -1, error))
        goto out;
      out.count = 1;
      ok = write_json (dir, "profile.json", json_parser_get_root (parser), error);
    }
  else if (g_str_equal (category, "following"))
    {
      g_string_append (out.csv, "Account address,Show boosts,Notify on new posts,Languages\n");
      ok = for_each_item (staging_path, following_row, &out, error) &&
           write_csv (dir, "following_accounts.csv", out.csv, error);
    }
  else if (g_str_equal (category, "followers"))
    {
      ok = for_each_item (staging_path, object_row, &out, error) &&
           write_array (dir, "followers.json", out.json, error);
    }
  else if (g_str_equal (category, "blocks"))
    {
      ok = for_each_strings (staging_path, acct_key, 1, acct_string_row, &out, error) &&
           write_csv (dir, "blocked_accounts.csv", out.csv, error);
    }
  else if (g_str_equal (category, "mutes"))
    {
      g_string_append (out.csv, "Account address,Hide notifications\n");
      ok = for_each_item (staging_path, mute_row, &out, error) &&
           write_csv (dir, "muted_accounts.csv", out.csv, error) &&
           write_array (dir, "mutes.json", out.json, error);
    }
  else if (g_str_equal (category, "domain_blocks"))
    {
      /* The API gives the newest first; Mastodon's export has them in the order made. */
      out.rows = g_ptr_array_new_with_free_func (g_free);
      ok = for_each_item (staging_path, domain_row, &out, error);
      for (guint i = out.rows->len; ok && i > 0; i--)
        {
          const char *fields[1] = { g_ptr_array_index (out.rows, i - 1) };

          ferry_csv_append_row (out.csv, fields, 1);
        }
      ok = ok && write_csv (dir, "blocked_domains.csv", out.csv, error);
      g_ptr_array_unref (out.rows);
    }
  else if (g_str_equal (category, "lists"))
    {
      ok = for_each_item (staging_path, list_row, &out, error) &&
           write_csv (dir, "lists.csv", out.csv, error) &&
           write_array (dir, "lists.json", out.json, error);
    }
  else if (g_str_equal (category, "bookmarks"))
    {
      g_clear_pointer (&out.json, json_array_unref);
      ok = for_each_strings (staging_path, uri_key, 1, uri_string_row, &out, error) &&
           write_csv (dir, "bookmarks.csv", out.csv, error);
    }
  else if (g_str_equal (category, "favourites"))
    {
      g_string_free (g_steal_pointer (&out.csv), TRUE);
      ok = for_each_item (staging_path, uri_row, &out, error) &&
           write_array (dir, "favourites.json", out.json, error);
    }
  else if (g_str_equal (category, "followed_tags") || g_str_equal (category, "featured_tags"))
    {
      g_autofree char *name = g_strconcat (category, ".json", NULL);

      ok = for_each_item (staging_path, name_row, &out, error) &&
           write_array (dir, name, out.json, error);
    }
  else if (g_str_equal (category, "endorsements"))
    {
      ok = for_each_strings (staging_path, acct_key, 1, acct_string_row, &out, error) &&
           write_array (dir, "endorsements.json", out.json, error);
    }
  else if (g_str_equal (category, "filters"))
    {
      /* Mastodon 4.6's custom_filters.json, which its import page takes. */
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      ok = for_each_item (staging_path, object_row, &out, error);
      json_object_set_array_member (object, "custom_filters", json_array_ref (out.json));
      json_node_take_object (root, object);
      ok = ok && write_json (dir, "custom_filters.json", root, error);
    }
  else
    ok = TRUE;   /* media: the files are written as they arrive */

out:
  *count = out.count;
  if (out.csv != NULL)
    g_string_free (out.csv, TRUE);
  g_clear_pointer (&out.json, json_array_unref);
  return ok;
}

typedef struct
{
  JsonArray  *notes;
  GHashTable *seen;
} NotesOut;

/* From the scanned "note" and "acct". */
static void
note_row (char     **values,
          gpointer   user_data)
{
  NotesOut *out = user_data;
  const char *note = values[0];
  const char *acct = values[1];
  JsonObject *row;

  if (note == NULL || note[0] == '\0' || acct == NULL
      || !g_hash_table_add (out->seen, g_strdup (acct)))
    return;
  row = json_object_new ();
  json_object_set_string_member (row, "acct", acct);
  json_object_set_string_member (row, "comment", note);
  json_array_add_object_element (out->notes, row);
}

/**
 * ferry_backup_write_notes:
 * @staging_paths: the journals of the categories that read relationships
 *
 * notes.json: the private notes on accounts, which the relationships carry.
 */
gboolean
ferry_backup_write_notes (const char * const *staging_paths,
                          const char         *dir,
                          gint64             *count,
                          GError            **error)
{
  NotesOut out = { json_array_new (),
                   g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  gboolean ok = TRUE;

  static const char *keys[] = { "note", "acct" };

  for (guint i = 0; ok && staging_paths[i] != NULL; i++)
    ok = for_each_strings (staging_paths[i], keys, G_N_ELEMENTS (keys), note_row, &out, error);
  *count = json_array_get_length (out.notes);
  ok = ok && write_array (dir, "notes.json", out.notes, error);
  json_array_unref (out.notes);
  g_hash_table_unref (out.seen);
  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
add_files (const char  *dir,
           const char  *relative,
           JsonObject  *files,
           GError     **error)
{
  g_autofree char *path = relative ? g_build_filename (dir, relative, NULL) : g_strdup (dir);
  g_autoptr(GDir) handle = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.' && !(relative == NULL && g_str_equal (name, "manifest.json")))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = relative
                                 ? g_build_filename (relative, g_ptr_array_index (names, i), NULL)
                                 : g_strdup (g_ptr_array_index (names, i));
      g_autofree char *full = g_build_filename (dir, child, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length;
      GStatBuf buf;
      JsonObject *entry;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (!add_files (dir, child, files, error))
            return FALSE;
          continue;
        }
      /* Hashed as it was written, when this process wrote it and it is still as written. */
      if (g_stat (full, &buf) == 0 && (sum = written_sha256 (full, &buf)) != NULL)
        length = (gsize) buf.st_size;
      else if (!g_file_get_contents (full, &contents, &length, error))
        return FALSE;
      else
        sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      entry = json_object_new ();
      json_object_set_int_member (entry, "size", (gint64) length);
      json_object_set_string_member (entry, "sha256", sum);
      json_object_set_object_member (files, child, entry);
    }
  return TRUE;
}

/**
 * ferry_backup_write_manifest:
 * @manifest: what the job knows (server, account, categories); "files" is added here
 */
gboolean
ferry_backup_write_manifest (const char  *dir,
                             JsonObject  *manifest,
                             GError     **error)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *files = json_object_new ();

  json_object_set_object_member (manifest, "files", files);
  if (!add_files (dir, NULL, files, error))
    return FALSE;
  json_node_set_object (root, manifest);
  return write_json (dir, "manifest.json", root, error);
}

/* Status ids are numbers of any length ("snowflakes"): longer is newer. */
gboolean
ferry_backup_id_newer (const char *a,
                       const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  return la != lb ? la > lb : strcmp (a, b) > 0;
}

/**
 * ferry_backup_read_newest_post_id:
 *
 * Returns: (nullable): the id of the newest post an earlier backup in @dir holds
 */
char *
ferry_backup_read_newest_post_id (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "posts.jsonl", NULL);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *line = NULL;
  gsize length;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return NULL;
  data = g_data_input_stream_new (G_INPUT_STREAM (stream));
  line = g_data_input_stream_read_line (data, &length, NULL, NULL);
  if (line == NULL || !json_parser_load_from_data (parser, line, length, NULL) ||
      ferry_api_json_root_object (parser) == NULL)
    return NULL;
  return g_strdup (
    ferry_backup_string_member (json_node_get_object (json_parser_get_root (parser)), "id"));
}
