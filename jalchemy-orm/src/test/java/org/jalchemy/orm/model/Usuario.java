package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** Guide §5: {@code class Usuario(Base): __tablename__ = 'usuarios'} with private fields and accessors. */
@Entity(table = "usuarios")
public class Usuario {
    @Id
    private Integer id;
    @Column(length = 100)
    private String nombre;
    @Column(length = 100)
    private String correo;

    private Usuario() {
    }

    public Usuario(String nombre, String correo) {
        this.nombre = nombre;
        this.correo = correo;
    }

    public Integer getId() {
        return id;
    }

    public String getNombre() {
        return nombre;
    }

    public void setNombre(String nombre) {
        this.nombre = nombre;
    }

    public String getCorreo() {
        return correo;
    }
}
