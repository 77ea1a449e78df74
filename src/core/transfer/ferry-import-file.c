/* ferry-import-file.c: one file for a server's own import page, and what to choose there
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-import-file"

#include "config.h"

#include "ferry-import-file.h"

struct _FerryImportFile
{
  GObject  parent_instance;

  char    *kind;    /* Mastodon's import type: following, lists, blocking, muting, … */
  char    *title;   /* the type's name on the new server's import page */
  char    *path;
};

G_DEFINE_FINAL_TYPE (FerryImportFile, ferry_import_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_import_file_finalize (GObject *object)
{
  FerryImportFile *self = FERRY_IMPORT_FILE (object);

  g_free (self->kind);
  g_free (self->title);
  g_free (self->path);

  G_OBJECT_CLASS (ferry_import_file_parent_class)->finalize (object);
}

static void
ferry_import_file_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FerryImportFile *self = FERRY_IMPORT_FILE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_import_file_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FerryImportFile *self = FERRY_IMPORT_FILE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_import_file_class_init (FerryImportFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                      G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ferry_import_file_finalize;
  object_class->get_property = ferry_import_file_get_property;
  object_class->set_property = ferry_import_file_set_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_import_file_init (FerryImportFile *self)
{
}

/**
 * ferry_import_file_new:
 * @kind: Mastodon's name of the import type (`following`, `lists`, `blocking`, `muting`,
 *   `domain_blocking`, `bookmarks`), which the import form takes
 * @title: that type's name on the new server's import page, for the person to choose
 * @path: where the file is
 */
FerryImportFile *
ferry_import_file_new (const char *kind,
                       const char *title,
                       const char *path)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (FERRY_TYPE_IMPORT_FILE, "kind", kind, "title", title, "path", path, NULL);
}

const char *
ferry_import_file_get_kind (FerryImportFile *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_FILE (self), NULL);

  return self->kind;
}

const char *
ferry_import_file_get_title (FerryImportFile *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_FILE (self), NULL);

  return self->title;
}

const char *
ferry_import_file_get_path (FerryImportFile *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_FILE (self), NULL);

  return self->path;
}
